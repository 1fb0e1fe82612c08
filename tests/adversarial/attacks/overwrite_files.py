"""double() overwrites a grader; mean() overwrites another student's results and the gradebook."""


def double(x):
    with open("@KIT@/graders/ch01_tiny/test_arith.py", "w") as grader:
        grader.write("def test_everything():\n    pass\n")
    return 2 * x


def mean(values):
    with open("@OUT@/students/@OTHER@/results.json", "w") as report:
        report.write('{"score": 1000, "tests": []}')
    with open("@OUT@/grades.csv", "w") as grades:
        grades.write("everyone,1000\n")
    return sum(values) / len(values)

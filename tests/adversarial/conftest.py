"""The adversarial kit and its attacks are data for tests/test_batch_grade.py, never tests themselves."""

collect_ignore = ["kit", "hidden", "attacks"]

"""Batch grading of a whole class: unpack, sandbox, grade in parallel, record, export.

Each step is one small module; `pipeline.grade_class` composes them:

    unpack     a student's folder or .zip -> a private folder (rejects ../, links, bombs)
    workspace  that folder -> a workspace holding only the exercise modules
    catalog    the instructor's graders -> the trusted list of tests, points, visibility
    sandbox    limits and guards applied in the student's process
    child      the student's process: pytest on the instructor's graders, streaming outcomes
    zygote     one warm process per worker slot that forks a child per submission
    runner     the pool of slots with wall-clock watchdogs
    outcomes   streamed records + catalog -> one GradingReport (zero + reason on a crash)
    recorder   each result written atomically as soon as it is known; resume
    redact     what a student may see of hidden tests
    gradebook  grades.csv, summary.md, histogram.png
    progress   the progress bar
    bundle     the Gradescope autograder zip and the GitHub Classroom workflow
"""

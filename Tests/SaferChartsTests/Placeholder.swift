// Chart tests.

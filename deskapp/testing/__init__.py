"""Not product code: hooks that let the test suite drive the real (and the frozen) app.

Nothing here runs unless the test suite sets its environment variable."""

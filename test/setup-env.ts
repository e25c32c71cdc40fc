// Request lines at info would bury jest's own output; tests that read logs pass their own logger.
process.env.LOG_LEVEL ??= 'warn';

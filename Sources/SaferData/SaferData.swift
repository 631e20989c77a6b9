// The data and figure engine (issue 3) lives here.

//! Browser tests for the data work (filled by that work).

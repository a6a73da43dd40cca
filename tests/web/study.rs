//! Browser tests for the study work (filled by that work).

//! Browser tests for the map work (filled by that work).

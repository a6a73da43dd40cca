//! Browser tests for the cards work (filled by that work).

//! Typed ids for the explainer's closed sets, and the shapes of the content in `content/`.

pub mod cards;
pub mod figures;
pub mod ids;
pub mod schema;
pub mod sorted;
pub mod study;

pub use cards::*;
pub use figures::*;
pub use ids::*;
pub use sorted::{SortedMap, SortedSet};

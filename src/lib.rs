//! Interactive explainer of Temirtashev (2024), "Beijing's Charm Offensive": cards, a map of the five
//! Central Asian republics with sourced data layers, a timeline and self-guided study, in Yew.

pub mod adopt;
pub mod app;
pub mod browser;
pub mod components;
pub mod content;
pub mod data;
pub mod deep_link;
pub mod geo;
pub mod lms;
pub mod model;
pub mod prose;
pub mod scale;
pub mod state;
pub mod text;

pub use app::{App, AppProps};

/// The browser build allocates with Talc (single-threaded, growing the wasm memory as it needs): about 5 KB of
/// wasm smaller than the standard library's dlmalloc.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

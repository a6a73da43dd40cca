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

//! The one interactive state: the view (everything a link reproduces) and transient notices. Pure, no web-sys.

use std::rc::Rc;

use yew::Reducible;

use crate::model::{CountryId, Layer, Part, Theme};

/// Controls an instructor can hide in an embedded view (`?hide=nav,layers`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Control {
    Nav,
    Layers,
    Year,
    PerPerson,
    Themes,
    Share,
}

impl Control {
    /// Every control, in URL order.
    pub const ALL: &'static [Control] = &[
        Control::Nav,
        Control::Layers,
        Control::Year,
        Control::PerPerson,
        Control::Themes,
        Control::Share,
    ];

    /// The URL key.
    pub fn key(self) -> &'static str {
        match self {
            Control::Nav => "nav",
            Control::Layers => "layers",
            Control::Year => "year",
            Control::PerPerson => "perperson",
            Control::Themes => "themes",
            Control::Share => "share",
        }
    }

    /// Parses a URL key.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.key() == key)
    }
}

/// Everything a reader can change that a shared link must reproduce.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct View {
    pub part: Part,
    pub theme: Option<Theme>,
    /// The open card (cards part) or the selected event (timeline part).
    pub card: Option<String>,
    pub layer: Layer,
    /// The chosen period; `None` means the layer's default.
    pub year: Option<String>,
    pub per_person: bool,
    pub country: Option<CountryId>,
    /// The guided-tour step, 1-based; `None` when the tour is not open.
    pub step: Option<usize>,
    pub embed: bool,
    pub hidden: Vec<Control>,
}

impl Default for View {
    fn default() -> Self {
        View {
            part: Part::Overview,
            theme: None,
            card: None,
            layer: Layer::Trade,
            year: None,
            per_person: false,
            country: None,
            step: None,
            embed: false,
            hidden: Vec::new(),
        }
    }
}

impl View {
    /// The period on screen: the chosen one, or the layer's default.
    pub fn year(&self) -> Option<&str> {
        self.year.as_deref().or(self.layer.default_year())
    }

    /// Whether a control is shown (always, unless an embed hides it).
    pub fn shows(&self, control: Control) -> bool {
        !self.hidden.contains(&control)
    }

    /// Whether the per-person view is in effect (only where the layer supports it).
    pub fn per_person_active(&self) -> bool {
        self.per_person && self.layer.has_per_person()
    }
}

/// The app state owned by the one reducer.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AppState {
    pub view: View,
    /// Messages for the reader: ignored URL values, blocked storage, failed copies.
    pub notices: Vec<String>,
}

/// Everything that can change the state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Navigate(Part),
    SetTheme(Option<Theme>),
    /// Opens a card in place, or closes it with `None`.
    OpenCard(Option<String>),
    /// Goes to the cards part with this card open (from links inside text).
    ShowCard(String),
    SetLayer(Layer),
    SetYear(String),
    SetPerPerson(bool),
    SelectCountry(Option<CountryId>),
    /// Applies a whole view: a tour step, or back/forward.
    Restore(View),
    Notice(String),
    Dismiss(usize),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let view = &mut next.view;
        match action {
            Action::Navigate(part) => view.part = part,
            Action::SetTheme(theme) => view.theme = theme,
            Action::OpenCard(card) => view.card = card,
            Action::ShowCard(card) => {
                view.part = Part::Cards;
                if view.theme.is_some() {
                    view.theme = None;
                }
                view.card = Some(card);
            }
            Action::SetLayer(layer) => {
                if view.layer != layer {
                    view.layer = layer;
                    view.year = None;
                }
            }
            Action::SetYear(year) => {
                let valid = view.layer.years().contains(&year.as_str());
                if valid {
                    view.year = if Some(year.as_str()) == view.layer.default_year() {
                        None
                    } else {
                        Some(year)
                    };
                }
            }
            Action::SetPerPerson(on) => view.per_person = on,
            Action::SelectCountry(country) => view.country = country,
            Action::Restore(restored) => *view = restored,
            Action::Notice(text) => {
                if !next.notices.contains(&text) {
                    next.notices.push(text);
                }
            }
            Action::Dismiss(i) => {
                if i < next.notices.len() {
                    next.notices.remove(i);
                }
            }
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reduce(state: AppState, action: Action) -> AppState {
        (*Rc::new(state).reduce(action)).clone()
    }

    #[test]
    fn changing_layer_resets_year_to_the_layers_default() {
        let s = reduce(AppState::default(), Action::SetYear("2013".into()));
        assert_eq!(s.view.year(), Some("2013"));
        let s = reduce(s, Action::SetLayer(Layer::Investment));
        assert_eq!(s.view.year(), Some("2005-2018"));
    }

    #[test]
    fn a_year_from_another_layer_is_refused() {
        let s = reduce(AppState::default(), Action::SetYear("2005-2018".into()));
        assert_eq!(s.view.year, None);
        assert_eq!(s.view.year(), Some("2024"));
    }

    #[test]
    fn choosing_the_default_year_keeps_the_url_short() {
        let s = reduce(AppState::default(), Action::SetYear("2024".into()));
        assert_eq!(s.view.year, None);
    }

    #[test]
    fn an_action_that_changes_nothing_returns_the_same_state() {
        let state = Rc::new(AppState::default());
        let same = state.clone().reduce(Action::Navigate(Part::Overview));
        assert!(Rc::ptr_eq(&state, &same));
    }

    #[test]
    fn show_card_goes_to_the_cards_part() {
        let s = reduce(AppState::default(), Action::ShowCard("soft-power".into()));
        assert_eq!(s.view.part, Part::Cards);
        assert_eq!(s.view.card.as_deref(), Some("soft-power"));
    }

    #[test]
    fn notices_are_not_repeated_and_can_be_dismissed() {
        let s = reduce(AppState::default(), Action::Notice("x".into()));
        let s = reduce(s, Action::Notice("x".into()));
        assert_eq!(s.notices.len(), 1);
        let s = reduce(s, Action::Dismiss(0));
        assert!(s.notices.is_empty());
    }

    #[test]
    fn per_person_only_where_the_layer_supports_it() {
        let mut v = View {
            per_person: true,
            ..View::default()
        };
        assert!(v.per_person_active());
        v.layer = Layer::Confucius;
        assert!(!v.per_person_active());
    }
}

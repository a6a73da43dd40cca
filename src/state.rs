//! The one interactive state: the view (everything a link reproduces) and transient notices. Pure, no web-sys.

use std::rc::Rc;

use yew::Reducible;

use crate::model::{CardId, CountryId, Layer, Part, Period, Theme};

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

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// A set of hidden controls (a bitset, so a `View` stays `Copy`); iterates in URL order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Hidden(u8);

impl Hidden {
    /// No control hidden.
    pub const NONE: Hidden = Hidden(0);

    /// The set of these controls.
    pub fn of(controls: &[Control]) -> Self {
        controls.iter().fold(Hidden::NONE, |set, &c| set.with(c))
    }

    /// Whether the set holds `control`.
    pub fn contains(self, control: Control) -> bool {
        self.0 & control.bit() != 0
    }

    /// The set with `control` added.
    pub fn with(self, control: Control) -> Self {
        Hidden(self.0 | control.bit())
    }

    /// The set with `control` added if absent, removed if present.
    pub fn toggled(self, control: Control) -> Self {
        Hidden(self.0 ^ control.bit())
    }

    /// Whether no control is hidden.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The hidden controls, in URL order.
    pub fn iter(self) -> impl Iterator<Item = Control> {
        Control::ALL
            .iter()
            .copied()
            .filter(move |&c| self.contains(c))
    }
}

/// Everything a reader can change that a shared link must reproduce.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct View {
    pub part: Part,
    pub theme: Option<Theme>,
    /// The open card (cards part) or the selected event (timeline part).
    pub card: Option<CardId>,
    pub layer: Layer,
    /// The chosen period; `None` means the layer's default.
    pub year: Option<Period>,
    pub per_person: bool,
    pub country: Option<CountryId>,
    /// The guided-tour step, 1-based; `None` when the tour is not open.
    pub step: Option<usize>,
    pub embed: bool,
    pub hidden: Hidden,
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
            hidden: Hidden::NONE,
        }
    }
}

impl View {
    /// The period on screen: the chosen one, or the layer's default.
    pub fn period(&self) -> Option<Period> {
        self.year.or(self.layer.default_year())
    }

    /// The period on screen as written in the data ("2024", "2005-2018").
    pub fn year(&self) -> Option<&'static str> {
        self.period().map(Period::key)
    }

    /// Whether a control is shown (always, unless an embed hides it).
    pub fn shows(&self, control: Control) -> bool {
        !self.hidden.contains(control)
    }

    /// Whether going from `previous` to this view is a step the reader expects Back to undo: another part,
    /// another card or event opened (or closed), another tour step. Everything else (layer, period, per
    /// person, selected republic, card theme) replaces the current history entry instead.
    pub fn is_new_place(&self, previous: &View) -> bool {
        self.part != previous.part || self.card != previous.card || self.step != previous.step
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
    /// The id of an element to focus once the next view is on screen (the tour's Next button after
    /// "Start the tour"); cleared by `Action::Focused`.
    pub focus: Option<&'static str>,
}

/// Everything that can change the state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Navigate(Part),
    /// Goes to a part with keyboard focus on one element of it (a note in Reading the evidence).
    NavigateTo(Part, &'static str),
    SetTheme(Option<Theme>),
    /// Opens a card in place, or closes it with `None`.
    OpenCard(Option<CardId>),
    /// Goes to the cards part with this card open (from links inside text).
    ShowCard(CardId),
    SetLayer(Layer),
    SetYear(Period),
    SetPerPerson(bool),
    SelectCountry(Option<CountryId>),
    /// Applies a whole view: a tour step, or back/forward.
    Restore(View),
    /// Opens the tour at the step in this view, with keyboard focus on its Next button.
    StartTour(View),
    /// The element asked for in `focus` has been focused.
    Focused,
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
            Action::NavigateTo(part, id) => {
                view.part = part;
                next.focus = Some(id);
            }
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
                if view.layer.years().contains(&year) {
                    view.year = (Some(year) != view.layer.default_year()).then_some(year);
                }
            }
            Action::SetPerPerson(on) => view.per_person = on,
            Action::SelectCountry(country) => view.country = country,
            Action::Restore(restored) => *view = restored,
            Action::StartTour(restored) => {
                *view = restored;
                next.focus = Some("tour-next");
            }
            Action::Focused => next.focus = None,
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
        let s = reduce(AppState::default(), Action::SetYear(Period::Y2013));
        assert_eq!(s.view.year(), Some("2013"));
        let s = reduce(s, Action::SetLayer(Layer::Investment));
        assert_eq!(s.view.year(), Some("2005-2018"));
    }

    #[test]
    fn a_year_from_another_layer_is_refused() {
        let s = reduce(AppState::default(), Action::SetYear(Period::Y2005To2018));
        assert_eq!(s.view.year, None);
        assert_eq!(s.view.year(), Some("2024"));
    }

    #[test]
    fn choosing_the_default_year_keeps_the_url_short() {
        let s = reduce(AppState::default(), Action::SetYear(Period::Y2024));
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
        let card = crate::content::content().card_id("soft-power").unwrap();
        let s = reduce(AppState::default(), Action::ShowCard(card));
        assert_eq!(s.view.part, Part::Cards);
        assert_eq!(s.view.card.map(CardId::as_str), Some("soft-power"));
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
    fn hidden_controls_are_a_set_in_url_order() {
        let h = Hidden::of(&[Control::Share, Control::Nav, Control::Share]);
        assert_eq!(h.iter().collect::<Vec<_>>(), [Control::Nav, Control::Share]);
        assert!(h.contains(Control::Nav) && !h.contains(Control::Year));
        assert_eq!(h.toggled(Control::Nav), Hidden::of(&[Control::Share]));
        assert!(Hidden::NONE.is_empty() && !h.is_empty());
    }

    #[test]
    fn back_undoes_a_part_a_card_or_a_tour_step_but_not_a_setting() {
        let map = View {
            part: Part::Map,
            ..View::default()
        };
        assert!(map.is_new_place(&View::default()));
        let card = View {
            part: Part::Cards,
            card: crate::content::content().card_id("soft-power"),
            ..View::default()
        };
        let no_card = View { card: None, ..card };
        assert!(card.is_new_place(&no_card));
        assert!(no_card.is_new_place(&card));
        let step = View {
            step: Some(2),
            ..map
        };
        assert!(step.is_new_place(&map));
        for setting in [
            View {
                layer: Layer::Students,
                ..map
            },
            View {
                year: Some(Period::Y2013),
                ..map
            },
            View {
                per_person: true,
                ..map
            },
            View {
                country: Some(CountryId::Kazakhstan),
                ..map
            },
            View {
                theme: Some(Theme::History),
                ..map
            },
        ] {
            assert!(!setting.is_new_place(&map), "{setting:?}");
        }
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

//! The URL codec: round trips, defaults left out, bad input falls back to defaults with a reason, and
//! property tests over arbitrary input (it must never panic).
#![cfg(not(target_arch = "wasm32"))]

use charm_offensive::app::decode_query;
use charm_offensive::content::content;
use charm_offensive::deep_link::{
    decode, encode, href, percent_decode, percent_encode, Known, Within, KEYS,
};
use charm_offensive::model::study::study;
use charm_offensive::model::{CardId, CountryId, Layer, Part, Period, Theme};
use charm_offensive::state::{Control, Hidden, View};
use proptest::prelude::*;

fn known_card(id: &str) -> Option<CardId> {
    ["soft-power", "xian-summit-2023", "bri"]
        .contains(&id)
        .then(|| content().card_id(id))
        .flatten()
}

fn card(id: &str) -> Option<CardId> {
    Some(content().card_id(id).expect("a card"))
}

fn dec(q: &str) -> (View, Vec<String>) {
    let d = decode(
        q,
        &Known {
            card: &known_card,
            steps: 11,
        },
    );
    (d.view, d.ignored)
}

#[test]
fn the_default_view_is_the_empty_query() {
    assert_eq!(encode(&View::default()), "");
    assert_eq!(dec(""), (View::default(), vec![]));
    assert_eq!(dec("?"), (View::default(), vec![]));
}

#[test]
fn each_kind_of_state_round_trips() {
    let views = [
        View {
            part: Part::Cards,
            theme: Some(Theme::History),
            card: card("xian-summit-2023"),
            ..View::default()
        },
        View {
            part: Part::Map,
            layer: Layer::Investment,
            year: Some(Period::Y2005To2021),
            per_person: true,
            country: Some(CountryId::Kyrgyzstan),
            ..View::default()
        },
        View {
            part: Part::Map,
            layer: Layer::Trade,
            year: Some(Period::Y2013),
            ..View::default()
        },
        View {
            part: Part::Study,
            step: Some(11),
            ..View::default()
        },
        View {
            part: Part::Map,
            embed: true,
            hidden: Hidden::of(&[Control::Nav, Control::Layers]),
            ..View::default()
        },
    ];
    for v in views {
        let q = encode(&v);
        assert_eq!(dec(&q), (v, vec![]), "query {q}");
    }
}

#[test]
fn defaults_are_left_out_so_links_stay_short() {
    let v = View {
        part: Part::Map,
        layer: Layer::Trade,
        year: Some(Period::Y2024),
        ..View::default()
    };
    assert_eq!(encode(&v), "?part=map");
}

#[test]
fn malformed_or_unknown_values_fall_back_and_are_reported() {
    for (query, key) in [
        ("?layer=%%%", "layer"),
        ("?country=XX", "country"),
        ("?part=nowhere", "part"),
        ("?card=no-such-card", "card"),
        ("?step=0", "step"),
        ("?step=999", "step"),
        ("?theme=x", "theme"),
        ("?hide=everything", "hide"),
        ("?pp=yes", "pp"),
    ] {
        let (view, ignored) = dec(query);
        assert_eq!(view, View::default(), "{query}");
        assert_eq!(ignored.len(), 1, "{query}: {ignored:?}");
        assert!(ignored[0].starts_with(key), "{query}: {ignored:?}");
    }
}

#[test]
fn notices_quote_unknown_values_with_invisible_characters_written_out() {
    // A right-to-left override and a zero-width space would turn the notice's sentence around unseen.
    let (_, ignored) = dec("?part=cards&card=%E2%80%AEbri%E2%80%8B");
    assert_eq!(ignored.len(), 1, "{ignored:?}");
    assert!(ignored[0].contains("U+202E bri U+200B"), "{ignored:?}");
    assert!(!ignored[0].contains('\u{202E}'), "{ignored:?}");
    // A NUL after a known part must not read as if "map" were unknown.
    let (view, ignored) = dec("?part=map%00");
    assert_eq!(view.part, Part::Overview);
    assert!(ignored[0].contains("map U+0000"), "{ignored:?}");
    assert!(!ignored[0].contains('\0'), "{ignored:?}");
}

#[test]
fn notices_shorten_long_values_and_isolate_them() {
    let (_, ignored) = dec("?step=99999999999999999999999999999999999999999999");
    let quoted = ignored[0]
        .split('“')
        .nth(1)
        .unwrap()
        .split('”')
        .next()
        .unwrap();
    assert!(quoted.ends_with("…\u{2069}"), "{quoted}");
    assert!(quoted.starts_with('\u{2068}'), "{quoted}");
    assert!(quoted.chars().count() <= 33, "{quoted}");
    // Escapes count towards the length too.
    let (_, ignored) = dec(&format!("?theme={}", "%E2%80%8B".repeat(40)));
    assert!(ignored[0].chars().count() < 90, "{ignored:?}");
    assert!(!ignored[0].contains('\u{200B}'), "{ignored:?}");
}

#[test]
fn a_repeated_parameter_is_ignored_not_guessed() {
    let (view, ignored) = dec("?layer=students&layer=trade&part=map");
    assert_eq!(view.layer, Layer::Trade);
    assert_eq!(view.part, Part::Map);
    assert!(ignored[0].contains("2 times"), "{ignored:?}");
}

#[test]
fn a_huge_value_is_ignored() {
    let (view, ignored) = dec(&format!("?part=map&card={}", "a".repeat(5000)));
    assert_eq!(view.part, Part::Map);
    assert_eq!(view.card, None);
    assert_eq!(ignored.len(), 1);
}

#[test]
fn a_year_of_another_layer_is_dropped() {
    let (view, ignored) = dec("?layer=trade&year=2005-2018");
    assert_eq!(view.year, None);
    assert_eq!(ignored.len(), 1);
}

#[test]
fn unknown_parameters_from_course_sites_are_ignored_quietly() {
    assert_eq!(
        dec("?utm_source=lms&part=sources"),
        (
            View {
                part: Part::Sources,
                ..View::default()
            },
            vec![]
        )
    );
}

#[test]
fn the_app_decoder_knows_the_real_cards_and_tour() {
    let d = decode_query("?part=cards&card=soft-power&step=3");
    assert_eq!(d.view.card.map(CardId::as_str), Some("soft-power"));
    assert_eq!(d.view.step, Some(3));
    assert!(d.ignored.is_empty());
}

fn any_view() -> impl Strategy<Value = View> {
    (
        prop::sample::select(Part::ALL.to_vec()),
        prop::option::of(prop::sample::select(Theme::ALL.to_vec())),
        prop::option::of(prop::sample::select(vec![
            "soft-power",
            "xian-summit-2023",
            "bri",
        ])),
        prop::sample::select(Layer::ALL.to_vec()),
        any::<prop::sample::Index>(),
        any::<bool>(),
        prop::option::of(prop::sample::select(CountryId::ALL.to_vec())),
        prop::option::of(1usize..=11),
        any::<bool>(),
        prop::sample::subsequence(Control::ALL.to_vec(), 0..=Control::ALL.len()),
    )
        .prop_map(
            |(part, theme, card, layer, year_ix, per_person, country, step, embed, hidden)| {
                let years = layer.years();
                let year = (!years.is_empty()).then(|| years[year_ix.index(years.len())]);
                let year = year.filter(|y| Some(*y) != layer.default_year());
                View {
                    part,
                    theme,
                    card: card.and_then(known_card),
                    layer,
                    year,
                    per_person,
                    country,
                    step,
                    embed,
                    hidden: Hidden::of(&hidden),
                }
            },
        )
}

proptest! {
    #[test]
    fn every_valid_view_round_trips(view in any_view()) {
        let q = encode(&view);
        prop_assert_eq!(dec(&q), (view, vec![]));
    }

    #[test]
    fn arbitrary_input_never_panics_and_yields_a_valid_view(q in ".{0,400}") {
        let (view, _) = dec(&q);
        if let Some(y) = view.year { prop_assert!(view.layer.years().contains(&y)); }
        if let Some(c) = view.card { prop_assert!(known_card(c.as_str()).is_some()); }
        if let Some(s) = view.step { prop_assert!((1..=11).contains(&s)); }
    }

    #[test]
    fn arbitrary_pairs_of_known_keys_never_panic(pairs in prop::collection::vec(("(part|card|layer|year|pp|country|step|embed|hide|theme)", "[ -~%]{0,40}"), 0..12)) {
        let q: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let (view, ignored) = dec(&format!("?{}", q.join("&")));
        // Whatever was not understood is reported; what was understood re-encodes to itself.
        let again = encode(&view);
        prop_assert_eq!(dec(&again).0, view);
        prop_assert!(ignored.len() <= pairs.len() + 1);
    }

    #[test]
    fn percent_encoding_round_trips(s in ".{0,60}") {
        prop_assert_eq!(percent_decode(&percent_encode(&s)), Some(s));
    }
}

/// Decodes a link against the real content (every card id).
fn dec_real(q: &str) -> (View, Vec<String>) {
    let d = decode_query(q);
    (d.view, d.ignored)
}

fn any_within() -> impl Strategy<Value = Within> {
    prop::sample::subsequence(Control::ALL.to_vec(), 0..=Control::ALL.len()).prop_map(|hidden| {
        Within {
            embed: true,
            hidden: Hidden::of(&hidden),
        }
    })
}

fn any_card() -> impl Strategy<Value = CardId> {
    let ids: Vec<CardId> = content()
        .cards
        .iter()
        .filter_map(|c| content().card_id(c.id))
        .collect();
    prop::sample::select(ids)
}

#[test]
fn the_timeline_link_percent_encodes_the_event() {
    let w = Within::default();
    for card in content().cards.iter() {
        let id = content().card_id(card.id).expect("its own id");
        assert_eq!(
            w.event(id),
            format!("?part=timeline&card={}", percent_encode(id.as_str()))
        );
    }
    assert_eq!(percent_encode("a&b=c d"), "a%26b%3Dc%20d");
    assert_eq!(w.part(Part::Overview), "?");
}

proptest! {
    #[test]
    fn every_link_made_inside_an_embed_keeps_embed_and_hide_and_round_trips(
        within in any_within(),
        target in any_view(),
        card in any_card(),
        part in prop::sample::select(Part::ALL.to_vec()),
    ) {
        let inside = |v: View| View { embed: true, hidden: within.hidden, ..v };
        let cases = [
            (within.link(target), inside(target)),
            (within.part(part), inside(View { part, ..View::default() })),
            (within.card(card), inside(View { part: Part::Cards, card: Some(card), ..View::default() })),
            (within.event(card), inside(View { part: Part::Timeline, card: Some(card), ..View::default() })),
        ];
        for (link, expected) in cases {
            prop_assert!(link.starts_with('?'));
            prop_assert!(link.split(['?', '&']).any(|p| p == "embed=1"), "{} lacks embed=1", link);
            if !within.hidden.is_empty() {
                prop_assert!(link.split(['?', '&']).any(|p| p.starts_with("hide=")), "{} lacks hide", link);
            }
            let (view, ignored) = dec_real(&link);
            prop_assert_eq!(ignored, Vec::<String>::new());
            prop_assert_eq!(view, expected);
            prop_assert_eq!(href(&view), link);
        }
    }
}

/// static/early.js shows a link's notice for an unknown part, theme, layer, year, republic or control in `hide`, or a tour
/// step out of range, before the app starts, from lists of the values the app knows: they must be the app's (a value
/// missing there would get a notice the app does not show, and the page would move when it starts).
#[test]
fn early_script_knows_the_apps_values() {
    let script =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/static/early.js")).unwrap();
    let lists = script
        .split_once("var known = [")
        .and_then(|(_, rest)| rest.split_once("];"))
        .map(|(lists, _)| lists.split('"').skip(1).step_by(2).collect::<Vec<_>>())
        .expect("static/early.js's `known` lists");
    let keys = |keys: Vec<&str>| keys.join(" ");
    assert_eq!(
        lists,
        [
            keys(Part::ALL.iter().map(|p| p.key()).collect()),
            keys(Theme::ALL.iter().map(|t| t.key()).collect()),
            keys(Layer::ALL.iter().map(|l| l.key()).collect()),
            keys(Period::ALL.iter().map(|p| p.key()).collect()),
            keys(CountryId::ALL.iter().map(|c| c.key()).collect()),
            keys(Control::ALL.iter().map(|c| c.key()).collect()),
            study().tour.len().to_string(),
        ]
    );
    // Its notices in the app's order of keys (a key given twice is noticed where the app notices it).
    let keys = format!("\"{}\".split(\" \").forEach", KEYS.join(" "));
    assert!(
        script.contains(&keys),
        "static/early.js goes through {keys}"
    );
}

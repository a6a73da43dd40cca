//! Closed sets as enums (parts, themes, layers, republics) with their URL keys and labels.

/// Generates `ALL`, `key()` (the URL / data key) and `from_key()` for a closed set.
macro_rules! keyed_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident => $key:literal, $label:literal;)+ }) => {
        $(#[$m])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant,)+ }
        /// `Name::Variant`: also the Rust expression build.rs writes out for it.
        impl std::fmt::Debug for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                let variant = match self { $($name::$variant => stringify!($variant),)+ };
                write!(f, "{}::{variant}", stringify!($name))
            }
        }
        /// Read by key from `content/*.json` (build.rs only).
        #[cfg(not(content_static))]
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let key = String::deserialize(d)?;
                $name::from_key(&key).ok_or_else(|| serde::de::Error::unknown_variant(&key, &[$($key,)+]))
            }
        }
        impl $name {
            /// Every member, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];
            /// The key used in URLs and content files.
            pub fn key(self) -> &'static str { match self { $($name::$variant => $key,)+ } }
            /// The human label.
            pub fn label(self) -> &'static str { match self { $($name::$variant => $label,)+ } }
            /// Parses a key; `None` for anything unknown. (A search of `ALL` is a fraction of the code a
            /// `match` on strings compiles to.)
            pub fn from_key(key: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.key() == key)
            }
        }
    };
}

keyed_enum!(
    /// The explainer's parts, each reachable from the navigation and by URL.
    Part {
        Overview => "overview", "Overview";
        Cards => "cards", "Concepts & cards";
        Map => "map", "Map & data";
        Timeline => "timeline", "Timeline";
        Study => "study", "Study";
        Evidence => "evidence", "Reading the evidence";
        Sources => "sources", "Sources";
    }
);

keyed_enum!(
    /// The card themes, each a filterable group.
    Theme {
        Concepts => "concepts", "Concepts";
        History => "history", "History";
        Actors => "actors", "Actors & institutions";
        Argument => "argument", "Argument";
    }
);

keyed_enum!(
    /// The data layers the map can show.
    Layer {
        Trade => "trade", "Trade";
        Investment => "investment", "Investment";
        Students => "students", "Students";
        Confucius => "confucius", "Confucius Institutes";
    }
);

keyed_enum!(
    /// The periods a reader can choose on the map (a year, or the span an investment total covers).
    Period {
        Y2013 => "2013", "2013";
        Y2022 => "2022", "2022";
        Y2023 => "2023", "2023";
        Y2024 => "2024", "2024";
        Y2005To2018 => "2005-2018", "2005-2018";
        Y2005To2021 => "2005-2021", "2005-2021";
    }
);

keyed_enum!(
    /// The series a figure belongs to in `figures.json`: one per map layer (same key), and the rest.
    Dataset {
        Trade => "trade", "China's customs trade";
        Investment => "investment", "Chinese investment";
        Students => "students", "Students in China";
        Confucius => "confucius", "Confucius Institutes";
        TradeNationalStatistics => "trade_national_statistics", "Trade in national statistics";
        TradePartialYear => "trade_partial_year", "Trade in part of a year";
        RegionTotal => "region_total", "Totals for the region";
        Population => "population", "Population";
        Area => "area", "Area";
        Essay => "essay", "As stated in the essay";
        World => "world", "Beyond the five republics";
        Event => "event", "Dates and announcements";
        Method => "method", "How a source counts";
    }
);

keyed_enum!(
    /// How far a figure can be trusted, as `figures.json` grades it.
    Confidence {
        High => "high", "high";
        Medium => "medium", "medium";
        Low => "low", "low";
        AsStated => "as stated in the essay", "as stated in the essay";
    }
);

keyed_enum!(
    /// What an evidence note checks: a figure, a fact, a citation, a citation year or a calculation.
    EvidenceKind {
        Figure => "figure", "figure";
        Fact => "fact", "fact";
        Citation => "citation", "citation";
        Year => "year", "year";
        Arithmetic => "arithmetic", "arithmetic";
    }
);

keyed_enum!(
    /// The outcome of checking a claim against independent sources.
    Status {
        Confirmed => "confirmed", "confirmed";
        Differs => "differs", "differs";
        NotFound => "not found", "not found";
        NoBibliographyEntry => "no bibliography entry", "no bibliography entry";
        YearDisagrees => "year disagrees", "year disagrees";
    }
);

keyed_enum!(
    /// Scaling of a derived ratio; only `percent` (quotient times 100) is defined.
    Scale {
        Percent => "percent", "percent";
    }
);

keyed_enum!(
    /// The five Central Asian republics, keyed by ISO 3166 alpha-2 as in `figures.json`.
    CountryId {
        Kazakhstan => "KZ", "Kazakhstan";
        Kyrgyzstan => "KG", "Kyrgyzstan";
        Tajikistan => "TJ", "Tajikistan";
        Turkmenistan => "TM", "Turkmenistan";
        Uzbekistan => "UZ", "Uzbekistan";
    }
);

impl Part {
    /// The fragment id of the part's main heading, for skip links and focus.
    pub fn heading_id(self) -> String {
        format!("part-{}", self.key())
    }
}

impl Layer {
    /// The periods a reader can choose for this layer; empty when each value carries its own year.
    pub fn years(self) -> &'static [Period] {
        use Period::*;
        match self {
            Layer::Trade => &[Y2013, Y2022, Y2023, Y2024],
            Layer::Investment => &[Y2005To2018, Y2005To2021],
            Layer::Students | Layer::Confucius => &[],
        }
    }

    /// The period shown when the URL names none: the latest complete year, or the essay's period.
    pub fn default_year(self) -> Option<Period> {
        match self {
            Layer::Trade => Some(Period::Y2024),
            Layer::Investment => Some(Period::Y2005To2018),
            Layer::Students | Layer::Confucius => None,
        }
    }

    /// The series of `figures.json` this layer draws from, and only from.
    pub fn dataset(self) -> Dataset {
        match self {
            Layer::Trade => Dataset::Trade,
            Layer::Investment => Dataset::Investment,
            Layer::Students => Dataset::Students,
            Layer::Confucius => Dataset::Confucius,
        }
    }

    /// Whether dividing by population gives a meaningful per-person view.
    pub fn has_per_person(self) -> bool {
        matches!(self, Layer::Trade | Layer::Investment | Layer::Students)
    }
}

/// A card's id, borrowed from the compiled-in content: `Copy`, and made only for a card that exists
/// (`content().card_id("soft-power")`), so a view can never name a missing card.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CardId(&'static str);

impl CardId {
    /// Wraps an id taken from the content; only the content lookups call this.
    pub(crate) const fn from_content(id: &'static str) -> Self {
        CardId(id)
    }

    /// The id as written in the content and the URL.
    pub fn as_str(self) -> &'static str {
        self.0
    }
}

impl std::fmt::Display for CardId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

impl CountryId {
    /// Moves to the next (or previous) republic in display order, wrapping around.
    pub fn step(self, forward: bool) -> Self {
        let all = Self::ALL;
        let i = all.iter().position(|c| *c == self).unwrap_or(0);
        let n = all.len();
        all[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for p in Part::ALL {
            assert_eq!(Part::from_key(p.key()), Some(*p));
        }
        for l in Layer::ALL {
            assert_eq!(Layer::from_key(l.key()), Some(*l));
        }
        for c in CountryId::ALL {
            assert_eq!(CountryId::from_key(c.key()), Some(*c));
        }
        assert_eq!(Part::from_key("nope"), None);
    }

    #[test]
    fn default_year_is_one_of_the_years() {
        for l in Layer::ALL {
            match l.default_year() {
                Some(y) => assert!(l.years().contains(&y)),
                None => assert!(l.years().is_empty()),
            }
        }
    }

    #[test]
    fn layer_labels_are_ascii() {
        // The map's spoken label lower-cases them with `to_ascii_lowercase` (components/map): Unicode case
        // mapping would pull about 3 KB of tables into the wasm.
        for l in Layer::ALL {
            assert!(l.label().is_ascii(), "{}", l.label());
            assert_eq!(l.label().to_ascii_lowercase(), l.label().to_lowercase());
        }
    }

    #[test]
    fn country_step_wraps() {
        assert_eq!(CountryId::Uzbekistan.step(true), CountryId::Kazakhstan);
        assert_eq!(CountryId::Kazakhstan.step(false), CountryId::Uzbekistan);
    }
}

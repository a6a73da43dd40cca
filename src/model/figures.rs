//! Sourced figures (copied with every source field from the shared `figures.json`) and lookups over them.

pub use super::schema::Figure;
use super::{CountryId, Dataset};

impl Figure {
    /// The value as a reader should see it: qualifier, number and unit ("about 2.6 USD bn").
    pub fn display(&self) -> String {
        let number = format_number(self.value, 3);
        let unit = match self.unit {
            "USD bn" => format!("${number}bn"),
            "USD m" => format!("${number}m"),
            "CNY bn" => format!("{number} billion yuan"),
            // A date: the day, then the month and year kept in `year` ("7 September 2013").
            "day" => format!("{number} {}", self.year),
            "percent" => format!("{number}%"),
            "people" | "students" | "institutes" | "scholarships" | "countries" => {
                format!("{number} {}", self.unit)
            }
            "km2" => format!("{number} km²"),
            other => format!("{number} {other}"),
        };
        if self.qualifier.is_empty() {
            unit
        } else {
            format!("{} {unit}", self.qualifier)
        }
    }

    /// The unit in words, for screen readers and the CSV ("billion US dollars").
    pub fn unit_words(&self) -> &str {
        match self.unit {
            "USD bn" => "billion US dollars",
            "USD m" => "million US dollars",
            "CNY bn" => "billion yuan",
            "km2" => "square kilometres",
            other => other,
        }
    }

    /// Whether the source is a derived sum or count rather than a number printed in the source.
    pub fn is_derived(&self) -> bool {
        self.note.starts_with("derived")
    }
}

/// The one way the explainer writes a number: `format_number(v, d)` rounds v to at most d decimals, drops
/// trailing zeros and groups thousands with commas ("11,784", "43.82", "1,234.5", "-0.5").
pub fn format_number(value: f64, decimals: usize) -> String {
    let fixed = format!("{value:.decimals$}");
    let (sign, unsigned) = match fixed.strip_prefix('-') {
        Some(rest) if rest.bytes().any(|b| matches!(b, b'1'..=b'9')) => ("-", rest),
        Some(rest) => ("", rest),
        None => ("", fixed.as_str()),
    };
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let fraction = fraction.trim_end_matches('0');
    let mut out = String::from(sign);
    for (i, ch) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if !fraction.is_empty() {
        out.push('.');
        out.push_str(fraction);
    }
    out
}

/// All figures, with lookups by id and by (layer, country, year).
#[derive(Clone, Debug, PartialEq)]
pub struct Figures {
    pub all: &'static [Figure],
}

impl Figures {
    /// The figure with this id.
    pub fn get(&self, id: &str) -> Option<&Figure> {
        self.all.iter().find(|f| f.id == id)
    }

    /// Figures of one series for one republic.
    pub fn of(&self, layer: Dataset, country: CountryId) -> impl Iterator<Item = &Figure> {
        self.all
            .iter()
            .filter(move |f| f.layer == layer && f.country == Some(country))
    }

    /// The one figure for a layer, republic and period, if the data has it.
    pub fn find(&self, layer: Dataset, country: CountryId, year: &str) -> Option<&Figure> {
        self.of(layer, country).find(|f| f.year == year)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_format_for_reading() {
        assert_eq!(format_number(11784.0, 3), "11,784");
        assert_eq!(format_number(43.82, 3), "43.82");
        assert_eq!(format_number(4.0, 3), "4");
        assert_eq!(format_number(1.959, 3), "1.959");
        assert_eq!(format_number(20034609.0, 0), "20,034,609");
        assert_eq!(format_number(2187.4, 0), "2,187");
        assert_eq!(format_number(62.24, 1), "62.2");
        assert_eq!(format_number(1234.5, 2), "1,234.5");
        assert_eq!(format_number(-1234.0, 0), "-1,234");
        assert_eq!(format_number(-0.004, 2), "0");
        assert_eq!(format_number(999.96, 1), "1,000");
    }
}

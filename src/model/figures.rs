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
    let fixed = fixed(value, decimals);
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

// Writing floats without the standard library's float formatter (about 6 KB of wasm): the value's exact
// binary form, `m * 2^e`, scaled to whole units in 128-bit integers. Both functions write what
// `format!("{v:.d$}")` and `v.to_string()` write for every value the explainer shows (coordinates, figures,
// shares: magnitudes from 1e-5 up to 1.8e19 units, and zero); tests compare them over many values.

/// `|value| = m * 2^e` exactly, with the sign (finite values only).
fn binary(value: f64) -> (bool, u64, i32) {
    let bits = value.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    let (m, e) = if exponent == 0 {
        (fraction, -1074)
    } else {
        (fraction | 1 << 52, exponent - 1075)
    };
    (bits >> 63 == 1, m, e)
}

/// "NaN", "inf" or "-inf", as the standard formatter writes them.
fn non_finite(value: f64) -> String {
    match (value.is_nan(), value < 0.0) {
        (true, _) => "NaN",
        (false, true) => "-inf",
        (false, false) => "inf",
    }
    .into()
}

/// `m * 10^d * 2^e` rounded to a whole number, ties to even; `None` if it does not fit in 64 bits.
fn units(m: u64, e: i32, d: u32) -> Option<u64> {
    let n = m as u128 * 10u128.pow(d);
    let q = if e >= 0 {
        if n != 0 && n.leading_zeros() <= e as u32 {
            return None;
        }
        n << e
    } else if -e >= 128 {
        0
    } else {
        let s = (-e) as u32;
        let (q, r, half) = (n >> s, n & ((1 << s) - 1), 1u128 << (s - 1));
        q + u128::from(r > half || (r == half && q & 1 == 1))
    };
    u64::try_from(q).ok()
}

/// `units` (a count of 10^-d) written out with `d` decimals and the sign.
fn write_units(negative: bool, units: u64, d: usize) -> String {
    let digits = units.to_string();
    let pad = (d + 1).saturating_sub(digits.len());
    let digits = "0".repeat(pad) + &digits;
    let (whole, fraction) = digits.split_at(digits.len() - d);
    let mut out = String::with_capacity(digits.len() + 2);
    if negative {
        out.push('-');
    }
    out.push_str(whole);
    if d > 0 {
        out.push('.');
        out.push_str(fraction);
    }
    out
}

/// `value` with exactly `decimals` decimals, as `format!("{value:.decimals$}")` writes it (the exact binary
/// value rounded half to even; "-0.0" for a small negative value), for values up to 1.8e19 units of
/// 10^-decimals (far beyond any figure here; larger ones are written as that limit).
pub fn fixed(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return non_finite(value);
    }
    let (negative, m, e) = binary(value);
    write_units(
        negative,
        units(m, e, decimals as u32).unwrap_or(u64::MAX),
        decimals,
    )
}

/// The shortest decimal that reads back as `value`, as `value.to_string()` writes it ("0.1", "12.5",
/// "-3", "0.30000000000000004"): for SVG coordinates and raw values in the CSV. Whole numbers from 2^53 up
/// (never shown here) are written out in full, where the standard formatter rounds them to 17 digits.
pub fn shortest(value: f64) -> String {
    let (negative, m, e) = binary(value);
    if e >= 0 || !value.is_finite() {
        return fixed(value, 0);
    }
    let s = (-e) as u32;
    // Decimals within half a step of the value read back as it (ties go to an even mantissa); just above
    // a power of two the step below is half as wide.
    let below = if m == 1 << 52 && e > -1074 { 4 } else { 2 };
    for d in 0..=22 {
        let scale = 10u128.pow(d);
        let n = m as u128 * scale;
        if s >= 120 || n >> 126 != 0 {
            break;
        }
        // The nearer candidate first; of two equally near, the larger (as the standard formatter picks).
        let floor = n >> s;
        let up = u128::from(n & ((1 << s) - 1) >= 1 << (s - 1));
        for c in [floor + up, floor + 1 - up] {
            let at = c << s;
            let x = if at >= n {
                (at - n) * 2
            } else {
                (n - at) * below
            };
            if x < scale || (x == scale && m & 1 == 0) {
                return write_units(negative, c as u64, d as usize);
            }
        }
    }
    let tiny = fixed(value, 22);
    tiny.trim_end_matches('0').trim_end_matches('.').to_string()
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
        assert_eq!(format_number(f64::NAN, 1), "NaN");
    }

    /// Values the standard formatter writes in a way worth checking: ties, powers of two, long fractions.
    fn awkward() -> Vec<f64> {
        let mut v = vec![
            0.0,
            -0.0,
            0.1,
            0.2,
            0.3,
            0.25,
            0.35,
            0.125,
            0.375,
            2.5,
            0.5,
            1.5,
            1e-3,
            0.1 + 0.2,
            1.0 / 3.0,
            2.0 / 3.0,
            123456789.125,
            999.96,
            999.95,
            0.05,
            0.15,
            1.005,
            2.675,
            1e15,
            4503599627370496.5,
            9007199254740993.0,
            1.8e19,
            43.82,
            1.959,
            20034609.0,
            2187.4,
            62.24,
            -1234.5,
            -0.004,
            -0.04,
        ];
        for k in -12..60 {
            let p = 2f64.powi(k);
            v.extend([p, p * 1.5, p * 3.0 / 7.0, -p]);
            v.extend([
                f64::from_bits(p.to_bits() - 1),
                f64::from_bits(p.to_bits() + 1),
            ]);
        }
        for i in 0..2000 {
            v.push(i as f64 / 8.0);
            v.push(i as f64 * 0.1);
            v.push(i as f64 / 1000.0 + 0.0005);
        }
        v
    }

    #[test]
    fn fixed_and_shortest_write_what_the_standard_formatter_writes() {
        let mut values = awkward();
        // A deterministic spread of doubles from 1e-3 to 1e15 (xorshift, no dependency).
        let mut x = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..200_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let mantissa = (x >> 11) as f64 / (1u64 << 53) as f64;
            let exponent = (x % 18) as i32 - 3;
            let v = (1.0 + mantissa) * 10f64.powi(exponent);
            values.push(if x & 1 == 0 { v } else { -v });
            values.push(f64::from_bits(
                x >> 2 & !(0x7ff << 52) | (1008 + (x % 62)) << 52,
            ));
        }
        values.extend(
            crate::content::content()
                .figures
                .all
                .iter()
                .map(|f| f.value),
        );
        values.extend([f64::NAN, f64::INFINITY, f64::NEG_INFINITY]);
        for v in values {
            if v.abs() < 2f64.powi(53) || !v.is_finite() {
                assert_eq!(shortest(v), v.to_string(), "{v:e}");
            } else {
                assert_eq!(shortest(v).parse::<f64>(), Ok(v), "{v:e}");
            }
            // NaN and infinities too; beyond 1.8e19 units `fixed` is not exact (never shown here).
            let fits = |d: usize| v.is_nan() || v.abs() * 10f64.powi(d as i32) < 1.8e19;
            for d in (0..=4).filter(|&d| fits(d) || v.is_infinite()) {
                assert_eq!(fixed(v, d), format!("{v:.d$}"), "{v:e} to {d} decimals");
            }
        }
    }
}

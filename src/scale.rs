//! Colour scales for the map's choropleth: a colour-blind-safe sequential palette and pure mappings.

/// Five-step sequential palette (ColorBrewer YlGnBu), distinguishable under common colour-vision deficiencies.
pub const PALETTE: [&str; 5] = ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"];

/// Whether text drawn on a palette step should be light (for the two darkest steps).
pub fn needs_light_text(step: usize) -> bool {
    step >= 3
}

/// `normalize(lo, hi, x)` returns t in [0, 1] (0.5 when lo == hi).
pub fn normalize(lo: f64, hi: f64, x: f64) -> f64 {
    // Also catches NaN bounds: anything but a proper range gives the middle.
    if hi.partial_cmp(&lo) != Some(std::cmp::Ordering::Greater) {
        return 0.5;
    }
    ((x - lo) / (hi - lo)).clamp(0.0, 1.0)
}

/// A linear sequential scale from zero to the largest value, cut into equal classes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sequential {
    pub max: f64,
}

impl Sequential {
    /// A scale whose top class ends at the largest of `values` (zero-based so that area reads as amount).
    pub fn over(values: impl IntoIterator<Item = f64>) -> Self {
        let max = values
            .into_iter()
            .filter(|v| v.is_finite())
            .fold(0.0_f64, f64::max);
        Sequential { max }
    }

    /// The palette step for a value.
    pub fn step(&self, value: f64) -> usize {
        let t = normalize(0.0, self.max, value);
        ((t * PALETTE.len() as f64).ceil() as usize).clamp(1, PALETTE.len()) - 1
    }

    /// The fill colour for a value.
    pub fn colour(&self, value: f64) -> &'static str {
        PALETTE[self.step(value)]
    }

    /// The upper bound of each class, for the legend.
    pub fn breaks(&self) -> Vec<f64> {
        let n = PALETTE.len() as f64;
        (1..=PALETTE.len())
            .map(|i| self.max * i as f64 / n)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_clamps_and_handles_flat_ranges() {
        assert_eq!(normalize(0.0, 10.0, 5.0), 0.5);
        assert_eq!(normalize(0.0, 10.0, 50.0), 1.0);
        assert_eq!(normalize(3.0, 3.0, 3.0), 0.5);
    }

    #[test]
    fn steps_cover_the_palette_and_the_max_is_darkest() {
        let s = Sequential::over([43.82, 22.71, 13.78, 10.65, 3.86]);
        assert_eq!(s.step(43.82), 4);
        assert_eq!(s.step(3.86), 0);
        assert_eq!(s.step(22.71), 2);
        assert_eq!(s.breaks().len(), PALETTE.len());
    }

    #[test]
    fn a_larger_value_never_gets_a_lighter_step() {
        let s = Sequential::over([100.0]);
        let mut last = 0;
        for i in 0..=100 {
            let step = s.step(i as f64);
            assert!(step >= last);
            last = step;
        }
    }
}

//! Colour scales for the map's choropleth: a colour-blind-safe sequential palette and a stepped scale with
//! round class edges, fitted once per layer and unit over every period so a colour means one range.

/// Five-step sequential palette (ColorBrewer YlGnBu), distinguishable under common colour-vision deficiencies.
pub const PALETTE: [&str; 5] = ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"];

/// Whether text drawn on a palette step should be light (for the two darkest steps).
pub fn needs_light_text(step: usize) -> bool {
    step >= 3
}

/// The most classes a scale has (one per palette step).
const MAX_CLASSES: usize = PALETTE.len();

/// Round class widths: 1, 2, 2.5 and 5 times a power of ten.
const NICE: [f64; 4] = [1.0, 2.0, 2.5, 5.0];

/// A stepped scale from zero: `count` classes of width `step`, each including its upper edge
/// ((0, step], (step, 2 step], ...). `whole` scales count things, so their classes hold whole numbers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Classes {
    pub step: f64,
    pub count: usize,
    pub whole: bool,
}

/// A value as the scale places it: `above` marks a lower bound ("more than 6,500"), which belongs to the
/// class just above its number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Reading {
    pub value: f64,
    pub above: bool,
}

impl Classes {
    /// The scale with the smallest round step that covers every reading in at most five classes.
    pub fn over(readings: impl IntoIterator<Item = Reading>, whole: bool) -> Self {
        let readings: Vec<Reading> = readings
            .into_iter()
            .filter(|r| r.value.is_finite() && r.value >= 0.0)
            .collect();
        let max = readings.iter().map(|r| r.value).fold(0.0_f64, f64::max);
        let mut power = if max > 0.0 {
            10f64.powi(max.log10().floor() as i32 - 1)
        } else {
            1.0
        };
        loop {
            for m in NICE {
                let step = m * power;
                if whole && step.fract() != 0.0 {
                    continue;
                }
                let scale = Classes {
                    step,
                    count: MAX_CLASSES,
                    whole,
                };
                let needed = readings
                    .iter()
                    .map(|&r| scale.raw_class(r) + 1)
                    .max()
                    .unwrap_or(1);
                if needed <= MAX_CLASSES {
                    return Classes {
                        count: needed.max(1),
                        ..scale
                    };
                }
            }
            power *= 10.0;
        }
    }

    /// The class a reading falls in, before clamping to the scale's classes.
    fn raw_class(&self, r: Reading) -> usize {
        let t = r.value / self.step;
        // A small tolerance so 30.000000001 (a float sum) still counts as 30.
        let t = if (t - t.round()).abs() < 1e-9 {
            t.round()
        } else {
            t
        };
        let class = if r.above { t.floor() } else { t.ceil() - 1.0 };
        class.max(0.0) as usize
    }

    /// The class (0 = lowest) of a reading.
    pub fn class(&self, r: Reading) -> usize {
        self.raw_class(r).min(self.count - 1)
    }

    /// The palette step of a class: classes spread over the palette so fewer classes stay far apart.
    pub fn palette_step(&self, class: usize) -> usize {
        if self.count <= 1 {
            return MAX_CLASSES / 2;
        }
        let top = (MAX_CLASSES - 1) as f64;
        (class as f64 * top / (self.count - 1) as f64).round() as usize
    }

    /// The palette step of a reading.
    pub fn step_of(&self, r: Reading) -> usize {
        self.palette_step(self.class(r))
    }

    /// The fill colour of a reading.
    pub fn colour(&self, r: Reading) -> &'static str {
        PALETTE[self.step_of(r)]
    }

    /// The lowest and highest value of a class, as the legend writes them: whole scales give the first
    /// and last whole number ((2,500, 5,000] -> 2,501 and 5,000; a step of one gives one number).
    pub fn bounds(&self, class: usize) -> (f64, f64) {
        let hi = self.step * (class + 1) as f64;
        let lo = self.step * class as f64;
        if self.whole {
            (lo + 1.0, hi)
        } else {
            (lo, hi)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(value: f64) -> Reading {
        Reading {
            value,
            above: false,
        }
    }

    #[test]
    fn steps_are_round_and_cover_the_largest_value() {
        let trade = Classes::over([43.82, 28.6, 1.959].map(at), false);
        assert_eq!((trade.step, trade.count), (10.0, 5));
        let per_person = Classes::over([3256.0, 379.0].map(at), false);
        assert_eq!((per_person.step, per_person.count), (1000.0, 4));
        let institutes = Classes::over([5.0, 2.0].map(at), true);
        assert_eq!((institutes.step, institutes.count), (1.0, 5));
        assert_eq!(
            institutes.bounds(2),
            (3.0, 3.0),
            "one whole number per class"
        );
        let students = Classes::over([11784.0, 6500.0].map(at), true);
        assert_eq!((students.step, students.count), (2500.0, 5));
        assert_eq!(students.bounds(1), (2501.0, 5000.0));
    }

    #[test]
    fn a_lower_bound_sits_above_its_number() {
        let more_than = Reading {
            value: 10000.0,
            above: true,
        };
        let s = Classes::over([more_than, at(2500.0)], true);
        let exact = s.class(at(10000.0));
        let more = s.class(more_than);
        assert!(more > exact, "{exact} {more}");
        assert_eq!(more, s.count - 1, "the scale grew a class for it");
    }

    #[test]
    fn a_larger_value_never_gets_a_lighter_step_and_the_ends_differ() {
        let s = Classes::over([100.0].map(at), false);
        let mut last = 0;
        for i in 0..=100 {
            let step = s.step_of(at(i as f64));
            assert!(step >= last);
            last = step;
        }
        assert_eq!(s.step_of(at(0.0)), 0);
        assert_eq!(s.step_of(at(100.0)), PALETTE.len() - 1);
    }
}

//! What the explainer tells a course site (SCORM 1.2 or 2004), worked out from the study progress. Pure.
//!
//! Completion: every guided-tour step seen. Score: the share of all self-checks answered correctly.
//! Progress travels in `suspend_data` in the study progress's own string form, kept within the
//! 4,096 characters SCORM 1.2 allows.

use crate::components::study::progress_model::{Progress, Tally};

/// The run-time an LMS offers: SCORM 1.2 (`window.API`) or SCORM 2004 (`window.API_1484_11`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standard {
    Scorm12,
    Scorm2004,
}

/// The run-time calls the explainer makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Call {
    Initialize,
    Terminate,
    GetValue,
    SetValue,
    Commit,
}

/// Longest `suspend_data` we write (SCORM 1.2's CMIString4096; SCORM 2004 allows more).
pub const SUSPEND_LIMIT: usize = 4096;

impl Standard {
    /// Searched for at each window, the newer first.
    pub const ALL: [Standard; 2] = [Standard::Scorm2004, Standard::Scorm12];

    /// The name of the API object on the LMS's window.
    pub fn api_name(self) -> &'static str {
        match self {
            Standard::Scorm12 => "API",
            Standard::Scorm2004 => "API_1484_11",
        }
    }

    /// The method name of a call.
    pub fn method(self, call: Call) -> &'static str {
        match (self, call) {
            (Standard::Scorm12, Call::Initialize) => "LMSInitialize",
            (Standard::Scorm12, Call::Terminate) => "LMSFinish",
            (Standard::Scorm12, Call::GetValue) => "LMSGetValue",
            (Standard::Scorm12, Call::SetValue) => "LMSSetValue",
            (Standard::Scorm12, Call::Commit) => "LMSCommit",
            (Standard::Scorm2004, Call::Initialize) => "Initialize",
            (Standard::Scorm2004, Call::Terminate) => "Terminate",
            (Standard::Scorm2004, Call::GetValue) => "GetValue",
            (Standard::Scorm2004, Call::SetValue) => "SetValue",
            (Standard::Scorm2004, Call::Commit) => "Commit",
        }
    }

    /// The element holding the completion status.
    pub fn status_element(self) -> &'static str {
        match self {
            Standard::Scorm12 => "cmi.core.lesson_status",
            Standard::Scorm2004 => "cmi.completion_status",
        }
    }

    /// What to set when the page goes away: exit as suspended (so the next launch resumes with our
    /// `suspend_data`) and the session's length.
    pub fn leaving(self, session_ms: u64) -> Vec<(&'static str, String)> {
        match self {
            Standard::Scorm12 => vec![
                ("cmi.core.exit", "suspend".to_string()),
                ("cmi.core.session_time", session_time(self, session_ms)),
            ],
            Standard::Scorm2004 => vec![
                ("cmi.exit", "suspend".to_string()),
                ("cmi.session_time", session_time(self, session_ms)),
            ],
        }
    }
}

/// Whether a status the LMS already holds counts as complete (a student who finished stays finished).
pub fn is_complete_status(status: &str) -> bool {
    matches!(status, "completed" | "passed" | "failed")
}

/// Whether the progress completes the activity: every tour step seen.
pub fn completed(t: &Tally) -> bool {
    t.steps > 0 && t.steps_seen >= t.steps
}

/// The values that report a tally, in the order to set them. The score is left unset until a self-check
/// is answered (an LMS would otherwise record a zero for a student who has not tried); `was_complete` is
/// the LMS's own record from earlier sessions.
pub fn report(standard: Standard, t: &Tally, was_complete: bool) -> Vec<(&'static str, String)> {
    let status = if was_complete || completed(t) {
        "completed"
    } else {
        "incomplete"
    };
    let percent = ratio(t.correct as u64 * 100, t.questions as u64);
    let mut out = Vec::new();
    match standard {
        Standard::Scorm12 => {
            if t.answered > 0 {
                out.push(("cmi.core.score.min", "0".to_string()));
                out.push(("cmi.core.score.max", "100".to_string()));
                out.push(("cmi.core.score.raw", percent));
            }
            out.push(("cmi.core.lesson_status", status.to_string()));
        }
        Standard::Scorm2004 => {
            if t.answered > 0 {
                out.push(("cmi.score.min", "0".to_string()));
                out.push(("cmi.score.max", "100".to_string()));
                out.push(("cmi.score.raw", percent));
                out.push((
                    "cmi.score.scaled",
                    ratio(t.correct as u64, t.questions as u64),
                ));
            }
            // Progress toward completion; 1 once complete, so the two never disagree.
            let measure = if status == "completed" {
                "1".to_string()
            } else {
                ratio(t.steps_seen.min(t.steps) as u64, t.steps as u64)
            };
            out.push(("cmi.progress_measure", measure));
            out.push(("cmi.completion_status", status.to_string()));
        }
    }
    out
}

/// `ratio(n, d)` is n/d as a decimal with at most four places, rounded, without floats ("0" when d is 0):
/// `ratio(1, 3)` is "0.3333", `ratio(200, 3)` is "66.6667", `ratio(3, 3)` is "1".
pub fn ratio(n: u64, d: u64) -> String {
    if d == 0 {
        return "0".to_string();
    }
    let scaled = (n * 10_000 + d / 2) / d;
    let (whole, frac) = (scaled / 10_000, scaled % 10_000);
    if frac == 0 {
        return whole.to_string();
    }
    let digits = format!("{frac:04}");
    format!("{whole}.{}", digits.trim_end_matches('0'))
}

/// The session's length in the standard's form: `HHHH:MM:SS.SS` (1.2) or an ISO 8601 duration (2004).
pub fn session_time(standard: Standard, ms: u64) -> String {
    let cs = ms / 10;
    let (h, m, s, c) = (cs / 360_000, cs / 6_000 % 60, cs / 100 % 60, cs % 100);
    match standard {
        Standard::Scorm12 => format!("{:04}:{m:02}:{s:02}.{c:02}", h.min(9999)),
        Standard::Scorm2004 => format!("PT{h}H{m}M{s}.{c:02}S"),
    }
}

/// The `suspend_data` for progress: its string form, less whole answers from the end while it is longer than
/// the limit (the real content's full progress is far shorter; this keeps a longer one valid).
pub fn suspend_data(progress: &Progress) -> String {
    let mut kept = progress.clone();
    loop {
        let data = kept.encode();
        if data.len() <= SUSPEND_LIMIT {
            return data;
        }
        let Some(last) = kept.answers.keys().next_back().cloned() else {
            // Only steps (at most 100, so about 300 characters) are left: it fits.
            return data;
        };
        kept.answers.remove(&last);
    }
}

/// Progress from `suspend_data`: empty for a first launch, `Err` (in words) for a value we cannot read.
pub fn restore(data: &str) -> Result<Progress, String> {
    if data.trim().is_empty() {
        Ok(Progress::default())
    } else {
        Progress::decode(data)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios_are_exact_to_four_places() {
        assert_eq!(ratio(1, 3), "0.3333");
        assert_eq!(ratio(2, 3), "0.6667");
        assert_eq!(ratio(3, 3), "1");
        assert_eq!(ratio(0, 17), "0");
        assert_eq!(ratio(1700, 17), "100");
        assert_eq!(ratio(1100, 17), "64.7059");
        assert_eq!(ratio(1, 2), "0.5");
        assert_eq!(ratio(5, 0), "0");
    }

    #[test]
    fn session_time_in_both_forms() {
        let ms = ((2 * 60 + 3) * 60 + 4) * 1000 + 560;
        assert_eq!(session_time(Standard::Scorm12, ms), "0002:03:04.56");
        assert_eq!(session_time(Standard::Scorm2004, ms), "PT2H3M4.56S");
        assert_eq!(session_time(Standard::Scorm12, 0), "0000:00:00.00");
    }
}

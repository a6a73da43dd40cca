//! The content schema holds at build time: build.rs refuses `content/*.json` with a misspelt or unknown
//! key, a missing field or a value outside a closed set, and names the file, the item's id and the key.
//! Each test runs the build script itself on a copy of `content/` with one planted mistake.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// The build script that compiled this package's content (it records its own path in OUT_DIR).
fn build_script() -> PathBuf {
    let path = std::fs::read_to_string(concat!(env!("OUT_DIR"), "/build_script"))
        .expect("build.rs records its path");
    PathBuf::from(path)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Edits one JSON file of the copy.
fn edit(dir: &Path, file: &str, change: impl FnOnce(&mut Value)) {
    let path = dir.join("content").join(file);
    let mut json: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    change(&mut json);
    std::fs::write(&path, serde_json::to_string_pretty(&json).unwrap()).unwrap();
}

/// Runs the build script on a copy of `content/` changed by `plant`: whether it succeeded, and its stderr.
fn build_with(name: &str, plant: impl FnOnce(&Path)) -> (bool, String) {
    let dir = std::env::temp_dir().join(format!("charm-schema-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(Path::new("content"), &dir.join("content"));
    plant(&dir);
    let out = dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    let run = Command::new(build_script())
        .current_dir(&dir)
        .env("OUT_DIR", &out)
        .env("RUST_BACKTRACE", "0")
        .output()
        .expect("the build script runs");
    let _ = std::fs::remove_dir_all(&dir);
    (
        run.status.success(),
        String::from_utf8_lossy(&run.stderr).into_owned(),
    )
}

#[test]
fn the_committed_content_builds() {
    let (ok, stderr) = build_with("as-is", |_| {});
    assert!(ok, "{stderr}");
}

#[test]
fn a_misspelt_key_stops_the_build_with_file_item_and_key() {
    let (ok, stderr) = build_with("misspelt", |dir| {
        edit(dir, "cards/concepts.json", |cards| {
            let card = cards[1].as_object_mut().unwrap();
            let summary = card.remove("summary").unwrap();
            card.insert("sumary".into(), summary);
        })
    });
    assert!(!ok, "the build went on");
    let cards: Value =
        serde_json::from_str(&std::fs::read_to_string("content/cards/concepts.json").unwrap())
            .unwrap();
    let id = cards[1]["id"].as_str().unwrap();
    assert!(
        stderr.contains("content/cards/concepts.json")
            && stderr.contains(&format!("“{id}”"))
            && stderr.contains("unknown field `sumary`"),
        "{stderr}"
    );
}

#[test]
fn a_missing_field_stops_the_build_with_file_item_and_key() {
    let (ok, stderr) = build_with("missing", |dir| {
        edit(dir, "figures.json", |figures| {
            figures[0].as_object_mut().unwrap().remove("unit");
        })
    });
    assert!(!ok, "the build went on");
    let figures: Value =
        serde_json::from_str(&std::fs::read_to_string("content/figures.json").unwrap()).unwrap();
    let id = figures[0]["id"].as_str().unwrap();
    assert!(
        stderr.contains("content/figures.json")
            && stderr.contains(&format!("“{id}”"))
            && stderr.contains("missing field `unit`"),
        "{stderr}"
    );
}

#[test]
fn a_value_outside_a_closed_set_stops_the_build_with_file_item_and_key() {
    let (ok, stderr) = build_with("closed-set", |dir| {
        edit(dir, "study.json", |study| {
            study["tour"][0]["view"]["layer"] = Value::from("confucius_institutes");
        })
    });
    assert!(!ok, "the build went on");
    let study: Value =
        serde_json::from_str(&std::fs::read_to_string("content/study.json").unwrap()).unwrap();
    let id = study["tour"][0]["id"].as_str().unwrap();
    assert!(
        stderr.contains("content/study.json")
            && stderr.contains(&format!("“{id}”"))
            && stderr.contains("view.layer")
            && stderr.contains("unknown variant `confucius_institutes`"),
        "{stderr}"
    );
}

//! Data you can trust: a corpus of broken data files, one fault each, every one refused with
//! exit 2 and its message at its line and column, by `validate` and by every other command;
//! the embedded data validates clean; the committed schemas match the types.

#![allow(
    clippy::expect_used,
    reason = "a broken fixture should fail the test loudly"
)]

use crate::common::{cmd, fixture};
use predicates::prelude::*;
use predicates::str::contains;

#[derive(Clone, Copy)]
enum Kind {
    Entitlements,
    Lifecycle,
}

/// One fault: which file it breaks, how the broken file is made, and where and what the
/// error is. `reported` is the file the error names (the other one for a fault in a
/// reference between the two files), without `.json`.
struct Fault {
    kind: Kind,
    name: &'static str,
    patch: Patch,
    reported: &'static str,
    line: usize,
    column: usize,
    message: &'static str,
}

/// How a broken file is made.
enum Patch {
    /// The valid file of its kind (the basic fixture's entitlement table laid out one value
    /// per line, or `valid_lifecycle_for_entitlement_faults.json`) with lines replaced: from
    /// 1-based line `first`, `removed` lines give way to the lines listed.
    Lines(&'static [(usize, usize, &'static [&'static str])]),
    /// A file of its own under tests/fixtures/broken (faults no small patch makes: an empty,
    /// truncated or non-UTF-8 file, another shape altogether).
    File,
}

const LIFECYCLE_BASE: &str = "broken/valid_lifecycle_for_entitlement_faults.json";

/// The valid text entitlement faults patch: the basic fixture, one value per line.
fn entitlements_base() -> String {
    crate::common::pretty_json(
        &std::fs::read_to_string(fixture("basic/entitlements.json")).expect("basic fixture"),
    )
}

const CORPUS: &[Fault] = &[
    Fault {
        kind: Kind::Lifecycle,
        name: "bad_deployment",
        patch: Patch::Lines(&[(7, 1, &[r#"      "deployment": "hybrid","#])]),
        reported: "bad_deployment",
        line: 7,
        column: 28,
        message: "unknown variant `hybrid`, expected `on-premises` or `cloud`",
    },
    Fault {
        kind: Kind::Lifecycle,
        name: "bad_policy",
        patch: Patch::Lines(&[(
            28,
            1,
            &[
                r#"          "extended_end": "2032-01-01","#,
                r#"          "policy": "eternal""#,
            ],
        )]),
        reported: "bad_policy",
        line: 29,
        column: 29,
        message: "unknown variant `eternal`, expected `fixed` or `modern`",
    },
    Fault {
        kind: Kind::Lifecycle,
        name: "cloud_with_versions",
        patch: Patch::File,
        reported: "cloud_with_versions",
        line: 46,
        column: 19,
        message: "products[1] (`beta`) versions: a cloud product has no versions (cloud products are ",
    },
    Fault {
        kind: Kind::Lifecycle,
        name: "date_wrong_format",
        patch: Patch::Lines(&[(26, 1, &[r#"          "release": "2021/03/01","#])]),
        reported: "date_wrong_format",
        line: 26,
        column: 22,
        message: "products[0] (`alpha`) versions[0] (`2`) release: `2021/03/01` is not a real date in",
    },
    Fault {
        kind: Kind::Lifecycle,
        name: "duplicate_product_id",
        patch: Patch::Lines(&[(43, 1, &[r#"      "id": "alpha","#])]),
        reported: "duplicate_product_id",
        line: 43,
        column: 13,
        message: "products[1] (`alpha`) id: duplicate id `alpha`",
    },
    Fault {
        kind: Kind::Lifecycle,
        name: "duplicate_track_id",
        patch: Patch::Lines(&[(18, 1, &[r#"          "id": "main","#])]),
        reported: "duplicate_track_id",
        line: 18,
        column: 17,
        message: "products[0] (`alpha`) tracks[1] (`main`) id: duplicate id `main`",
    },
    Fault {
        kind: Kind::Lifecycle,
        name: "duplicate_version",
        patch: Patch::Lines(&[(31, 1, &[r#"          "version": "2","#])]),
        reported: "duplicate_version",
        line: 31,
        column: 22,
        message: "products[0] (`alpha`) versions[1] (`2`) version: duplicate version `2`",
    },
    // Issue 21, defect 12: two spellings of one name are a clash, not a duplicate.
    Fault {
        kind: Kind::Lifecycle,
        name: "version_clash",
        patch: Patch::Lines(&[(31, 1, &[r#"          "version": "-2","#])]),
        reported: "version_clash",
        line: 31,
        column: 22,
        message: "products[0] (`alpha`) versions[1] (`-2`) version: version `-2` clashes with version `2`: the two are one name once case, spaces, hyphens and underscores are ignored",
    },
    Fault {
        kind: Kind::Lifecycle,
        name: "empty",
        patch: Patch::File,
        reported: "empty",
        line: 1,
        column: 1,
        message: "the file is empty",
    },
    Fault {
        kind: Kind::Lifecycle,
        name: "empty_product_id",
        patch: Patch::Lines(&[(43, 1, &[r#"      "id": "","#])]),
        reported: "empty_product_id",
        line: 43,
        column: 13,
        message: "products[1] id: empty id",
    },
    Fault {
        kind: Kind::Entitlements,
        name: "entitlements_any_class_reserved",
        patch: Patch::Lines(&[(
            31,
            0,
            &[
                "    },",
                "    {",
                r#"      "id": "any","#,
                r#"      "name": "anything""#,
            ],
        )]),
        reported: "entitlements_any_class_reserved",
        line: 33,
        column: 13,
        message: "competency_classes[2] (`any`) id: `any` is reserved for matrix entries that ignore ",
    },
    Fault {
        kind: Kind::Entitlements,
        name: "entitlements_bad_incidents",
        patch: Patch::Lines(&[(68, 1, &[r#"      "incidents": "lots""#])]),
        reported: "entitlements_bad_incidents",
        line: 69,
        column: 5,
        message: "invalid incidents `\"lots\"`: expected a non-negative integer or \"unlimited\"",
    },
    Fault {
        kind: Kind::Entitlements,
        name: "entitlements_bad_version_policy",
        patch: Patch::Lines(&[(51, 1, &[r#"      "version_policy": "n-minus-2","#])]),
        reported: "entitlements_bad_version_policy",
        line: 51,
        column: 35,
        message: "unknown variant `n-minus-2`, expected `n-minus-1` or `none`",
    },
    Fault {
        kind: Kind::Entitlements,
        name: "entitlements_competency_unknown_class",
        patch: Patch::Lines(&[(37, 1, &[r#"      "class": "stratosphere""#])]),
        reported: "entitlements_competency_unknown_class",
        line: 37,
        column: 16,
        message: "competencies[0] (`cloud-platform`) class: unknown competency class `stratosphere`",
    },
    Fault {
        kind: Kind::Entitlements,
        name: "entitlements_condition_unknown_tier",
        patch: Patch::Lines(&[(153, 1, &[r#"          "bronze""#])]),
        reported: "entitlements_condition_unknown_tier",
        line: 153,
        column: 11,
        message: "alternatives[1] (`upgrade`) when tiers[0]: unknown tier `bronze`",
    },
    Fault {
        kind: Kind::Entitlements,
        name: "entitlements_alternative_unknown_tier",
        // Issue 22: the tiers an alternative leads to must exist.
        patch: Patch::Lines(&[(
            155,
            1,
            &[
                "      },",
                r#"      "tiers": ["#,
                r#"        "platinum""#,
                "      ]",
            ],
        )]),
        reported: "entitlements_alternative_unknown_tier",
        line: 157,
        column: 9,
        message: "alternatives[1] (`upgrade`) tiers[0]: unknown tier `platinum`",
    },
    Fault {
        kind: Kind::Entitlements,
        name: "entitlements_condition_until_before_from",
        // Issue 22: an alternative's days are part of the rule book, so they are checked.
        patch: Patch::Lines(&[(
            154,
            1,
            &[
                "        ],",
                r#"        "from": "2020-01-01","#,
                r#"        "until": "2019-12-31""#,
            ],
        )]),
        reported: "entitlements_condition_until_before_from",
        line: 156,
        column: 18,
        message: "alternatives[1] (`upgrade`) when until: `until` 2019-12-31 is before `from` 2020-01-01",
    },
    Fault {
        kind: Kind::Entitlements,
        name: "entitlements_condition_outside_the_rule_book",
        // A rule book from 2017-07-22, and an alternative that ends before it.
        patch: Patch::Lines(&[
            (
                6,
                0,
                &[
                    r#"  "references": ["#,
                    "    {",
                    r#"      "id": "fixture","#,
                    r#"      "title": "the fixture itself""#,
                    "    }",
                    "  ],",
                    r#"  "rule_book": {"#,
                    r#"    "from": "2017-07-22","#,
                    r#"    "why": "a first day","#,
                    r#"    "sources": ["#,
                    r#"      "fixture""#,
                    "    ],",
                    r#"    "confidence": "quoted""#,
                    "  },",
                ],
            ),
            (154, 1, &["        ],", r#"        "until": "2016-12-31""#]),
        ]),
        reported: "entitlements_condition_outside_the_rule_book",
        line: 169,
        column: 18,
        message: "alternatives[1] (`upgrade`) when until: `until` 2016-12-31 is before the rule book's first day (2017-07-22): the condition lies outside the rule book",
    },
    Fault {
        kind: Kind::Entitlements,
        name: "entitlements_duplicate_matrix_entry",
        patch: Patch::Lines(&[(
            112,
            0,
            &[
                "    },",
                "    {",
                r#"      "tier": "starter","#,
                r#"      "support_type": "product-support","#,
                r#"      "competency_class": "any","#,
                r#"      "incidents": 1"#,
            ],
        )]),
        reported: "entitlements_duplicate_matrix_entry",
        line: 113,
        column: 5,
        message: "matrix[8]: duplicate entry for tier `starter`, support type `product-support`, clas",
    },
    Fault {
        kind: Kind::Entitlements,
        name: "entitlements_duplicate_tier",
        patch: Patch::Lines(&[(15, 1, &[r#"      "id": "starter","#])]),
        reported: "entitlements_duplicate_tier",
        line: 15,
        column: 13,
        message: "tiers[1] (`starter`) id: duplicate id `starter`",
    },
    Fault {
        kind: Kind::Entitlements,
        name: "entitlements_incomplete_matrix",
        patch: Patch::Lines(&[(96, 6, &[])]),
        reported: "entitlements_incomplete_matrix",
        line: 63,
        column: 13,
        message: "matrix: tier `pro` x support type `cloud-support` needs one `any` entry or one entr",
    },
    Fault {
        kind: Kind::Entitlements,
        name: "entitlements_missing_matrix",
        // The whole `matrix` section gone.
        patch: Patch::Lines(&[(61, 51, &[])]),
        reported: "entitlements_missing_matrix",
        line: 129,
        column: 1,
        message: "missing field `matrix`",
    },
    Fault {
        kind: Kind::Entitlements,
        name: "entitlements_negative_incidents",
        patch: Patch::Lines(&[(68, 1, &[r#"      "incidents": -1"#])]),
        reported: "entitlements_negative_incidents",
        line: 69,
        column: 5,
        message: "invalid incidents `-1`: expected a non-negative integer or \"unlimited\"",
    },
    Fault {
        kind: Kind::Entitlements,
        name: "entitlements_no_cloud_support_type",
        // The cloud support type gone, with its cells and the conditions naming deployments.
        patch: Patch::Lines(&[
            (53, 8, &[]),
            (82, 30, &[]),
            (135, 7, &[r#"      "description": "buy one incident""#]),
            (
                147,
                9,
                &[r#"      "description": "starter has no cloud support""#],
            ),
        ]),
        reported: "valid_lifecycle_for_entitlement_faults",
        line: 45,
        column: 21,
        message: "products[1] (`beta`) deployment: no support type in the entitlement table covers cl",
    },
    Fault {
        kind: Kind::Entitlements,
        name: "entitlements_support_type_unknown_channel",
        patch: Patch::Lines(&[(52, 1, &[r#"      "channel": "fax""#])]),
        reported: "entitlements_support_type_unknown_channel",
        line: 52,
        column: 18,
        message: "support_types[0] (`product-support`) channel: channel `fax` is not defined in `chan",
    },
    Fault {
        kind: Kind::Entitlements,
        name: "entitlements_tier_alias_collision",
        patch: Patch::Lines(&[(
            20,
            1,
            &[
                r#"      "name": "Elite","#,
                r#"      "aliases": ["#,
                r#"        "Pro""#,
                "      ]",
            ],
        )]),
        reported: "entitlements_tier_alias_collision",
        line: 18,
        column: 5,
        message: "tiers[2] (`elite`): name or alias `Pro` also names `pro`",
    },
    Fault {
        kind: Kind::Entitlements,
        name: "entitlements_two_support_types_same_deployment",
        patch: Patch::Lines(&[(58, 1, &[r#"      "deployment": "on-premises","#])]),
        reported: "entitlements_two_support_types_same_deployment",
        line: 58,
        column: 21,
        message: "support_types[1] (`cloud-support`) deployment: a second support type for on-premise",
    },
    Fault {
        kind: Kind::Entitlements,
        name: "entitlements_unknown_class_in_matrix",
        patch: Patch::Lines(&[(92, 1, &[r#"      "competency_class": "hybrid","#])]),
        reported: "entitlements_unknown_class_in_matrix",
        line: 92,
        column: 27,
        message: "matrix[4] competency_class: unknown competency class `hybrid`",
    },
    Fault {
        kind: Kind::Entitlements,
        name: "entitlements_unknown_support_type_in_matrix",
        patch: Patch::Lines(&[(72, 1, &[r#"      "support_type": "phone-support","#])]),
        reported: "entitlements_unknown_support_type_in_matrix",
        line: 72,
        column: 23,
        message: "matrix[1] support_type: unknown support type `phone-support`",
    },
    Fault {
        kind: Kind::Entitlements,
        name: "entitlements_unknown_tier_in_matrix",
        patch: Patch::Lines(&[(65, 1, &[r#"      "tier": "platinum","#])]),
        reported: "entitlements_unknown_tier_in_matrix",
        line: 65,
        column: 15,
        message: "matrix[0] tier: unknown tier `platinum`",
    },
    Fault {
        kind: Kind::Lifecycle,
        name: "extended_before_mainstream",
        patch: Patch::Lines(&[(28, 1, &[r#"          "extended_end": "2026-01-01""#])]),
        reported: "extended_before_mainstream",
        line: 28,
        column: 27,
        message: "products[0] (`alpha`) versions[0] (`2`) extended_end: extended end 2026-01-01 befor",
    },
    Fault {
        kind: Kind::Lifecycle,
        name: "extended_before_release",
        patch: Patch::Lines(&[(
            27,
            2,
            &[
                r#"          "mainstream_end": null,"#,
                r#"          "extended_end": "2020-01-01""#,
            ],
        )]),
        reported: "extended_before_release",
        line: 28,
        column: 27,
        message: "products[0] (`alpha`) versions[0] (`2`) extended_end: extended end 2020-01-01 befor",
    },
    Fault {
        kind: Kind::Lifecycle,
        name: "extended_without_mainstream",
        patch: Patch::Lines(&[(27, 1, &[r#"          "mainstream_end": null,"#])]),
        reported: "extended_without_mainstream",
        line: 28,
        column: 27,
        message: "products[0] (`alpha`) versions[0] (`2`) extended_end: an extended end needs a mains",
    },
    Fault {
        kind: Kind::Lifecycle,
        name: "generated_not_a_date",
        patch: Patch::Lines(&[(2, 1, &[r#"  "generated": "last tuesday","#])]),
        reported: "generated_not_a_date",
        line: 2,
        column: 16,
        message: "generated: `last tuesday` is not a real date in the form YYYY-MM-DD",
    },
    Fault {
        kind: Kind::Lifecycle,
        name: "invalid_utf8",
        patch: Patch::File,
        reported: "invalid_utf8",
        line: 1,
        column: 1,
        message: "cannot read: not UTF-8 text (invalid byte at offset 26)",
    },
    Fault {
        kind: Kind::Lifecycle,
        name: "mainstream_before_release",
        patch: Patch::File,
        reported: "mainstream_before_release",
        line: 4,
        column: 95,
        message: "products[0] (`x`) versions[0] (`1`) mainstream_end: mainstream end 2019-01-01 befor",
    },
    Fault {
        kind: Kind::Lifecycle,
        name: "many_problems",
        patch: Patch::File,
        reported: "many_problems",
        line: 5,
        column: 52,
        message: "products[0] (`x`) versions[0] (`1`) release: `2020-02-30` is not a real date in the",
    },
    Fault {
        kind: Kind::Lifecycle,
        name: "missing_field",
        patch: Patch::Lines(&[(7, 1, &[])]),
        reported: "missing_field",
        line: 40,
        column: 5,
        message: "missing field `deployment`",
    },
    Fault {
        kind: Kind::Lifecycle,
        name: "no_main_track",
        patch: Patch::Lines(&[(14, 2, &[r#"          "name": "versions""#])]),
        reported: "no_main_track",
        line: 11,
        column: 17,
        message: "products[0] (`alpha`) tracks: needs exactly one main track, found 0",
    },
    Fault {
        kind: Kind::Lifecycle,
        name: "not_a_real_date",
        patch: Patch::Lines(&[(26, 1, &[r#"          "release": "2021-02-29","#])]),
        reported: "not_a_real_date",
        line: 26,
        column: 22,
        message: "products[0] (`alpha`) versions[0] (`2`) release: `2021-02-29` is not a real date in",
    },
    Fault {
        kind: Kind::Lifecycle,
        name: "product_alias_collision",
        patch: Patch::Lines(&[(
            45,
            1,
            &[
                r#"      "deployment": "cloud","#,
                r#"      "aliases": ["#,
                r#"        "a""#,
                "      ]",
            ],
        )]),
        reported: "product_alias_collision",
        line: 42,
        column: 5,
        message: "products[1] (`beta`): name or alias `a` also names `alpha`",
    },
    Fault {
        kind: Kind::Lifecycle,
        name: "syntax_error",
        patch: Patch::File,
        reported: "syntax_error",
        line: 3,
        column: 18,
        message: "trailing comma",
    },
    Fault {
        kind: Kind::Lifecycle,
        name: "top_level_array",
        patch: Patch::File,
        reported: "top_level_array",
        line: 1,
        column: 1,
        message: "expected a JSON object (`{ ... }`) at the top level",
    },
    Fault {
        kind: Kind::Lifecycle,
        name: "truncated",
        patch: Patch::File,
        reported: "truncated",
        line: 18,
        column: 2,
        message: "EOF while parsing an object",
    },
    Fault {
        kind: Kind::Lifecycle,
        name: "two_main_tracks",
        patch: Patch::Lines(&[(
            19,
            1,
            &[
                r#"          "name": "side track","#,
                r#"          "main": true"#,
            ],
        )]),
        reported: "two_main_tracks",
        line: 11,
        column: 17,
        message: "products[0] (`alpha`) tracks: needs exactly one main track, found 2",
    },
    Fault {
        kind: Kind::Lifecycle,
        name: "unknown_channel",
        patch: Patch::File,
        reported: "unknown_channel",
        line: 3,
        column: 65,
        message: "products[0] (`x`) channel: channel `carrier-pigeon` is not defined in the entitleme",
    },
    Fault {
        kind: Kind::Lifecycle,
        name: "unknown_field",
        patch: Patch::File,
        reported: "unknown_field",
        line: 3,
        column: 61,
        message: "unknown field `colour`, expected one of `id`, `name`, `deployment`, `aliases`, `cha",
    },
    Fault {
        kind: Kind::Lifecycle,
        name: "unknown_track",
        patch: Patch::Lines(&[(25, 1, &[r#"          "track": "preview","#])]),
        reported: "unknown_track",
        line: 25,
        column: 20,
        message: "products[0] (`alpha`) versions[0] (`2`) track: track `preview` is not one of the pr",
    },
    Fault {
        kind: Kind::Lifecycle,
        name: "unknown_version_field",
        patch: Patch::Lines(&[(
            28,
            1,
            &[
                r#"          "extended_end": "2032-01-01","#,
                r#"          "eol": "2030-01-01""#,
            ],
        )]),
        reported: "unknown_version_field",
        line: 29,
        column: 15,
        message: "unknown field `eol`, expected one of `version`, `aliases`, `track`, `policy`, `rele",
    },
    Fault {
        kind: Kind::Lifecycle,
        name: "version_alias_collision",
        patch: Patch::Lines(&[(33, 1, &[r#"            "2""#])]),
        reported: "version_alias_collision",
        line: 33,
        column: 13,
        message: "products[0] (`alpha`) versions[1] (`1`) aliases[0]: alias `2` also names version `2",
    },
    Fault {
        kind: Kind::Lifecycle,
        name: "version_name_not_a_string",
        patch: Patch::Lines(&[(24, 1, &[r#"          "version": 2,"#])]),
        reported: "version_name_not_a_string",
        line: 24,
        column: 22,
        message: "invalid type: integer `2`, expected a string",
    },
    Fault {
        kind: Kind::Lifecycle,
        name: "wrong_type",
        patch: Patch::File,
        reported: "wrong_type",
        line: 4,
        column: 36,
        message: "invalid type: integer `2019`, expected a string",
    },
];

/// The broken file of a fault, made in `dir` when it is a patch of a valid file.
fn broken_file(fault: &Fault, dir: &std::path::Path) -> std::path::PathBuf {
    let Patch::Lines(hunks) = fault.patch else {
        return fixture(&format!("broken/{}.json", fault.name));
    };
    let text = match fault.kind {
        Kind::Entitlements => entitlements_base(),
        Kind::Lifecycle => std::fs::read_to_string(fixture(LIFECYCLE_BASE)).expect("base fixture"),
    };
    let mut lines: Vec<&str> = text.split('\n').collect();
    for (first, removed, inserted) in hunks.iter().rev() {
        lines.splice(first - 1..first - 1 + removed, inserted.iter().copied());
    }
    let path = dir.join(format!("{}.json", fault.name));
    std::fs::write(&path, lines.join("\n")).expect("temporary file");
    path
}

fn with_files(command: &mut assert_cmd::Command, fault: &Fault, dir: &std::path::Path) {
    let file = broken_file(fault, dir);
    match fault.kind {
        Kind::Entitlements => {
            command
                .arg("--entitlements")
                .arg(file)
                .arg("--lifecycle")
                .arg(fixture(LIFECYCLE_BASE));
        }
        Kind::Lifecycle => {
            command.arg("--lifecycle").arg(file);
        }
    }
}

/// Each broken file: `validate` exits 2 and prints the fault at its line and column.
#[test]
fn validate_reports_each_fault_at_its_place() {
    assert!(CORPUS.len() >= 30, "the corpus keeps at least 30 faults");
    let dir = tempfile::tempdir().expect("temporary directory");
    for fault in CORPUS {
        let (reported, line, column, message) =
            (fault.reported, fault.line, fault.column, fault.message);
        let mut command = cmd();
        command.arg("validate");
        with_files(&mut command, fault, dir.path());
        command
            .assert()
            .code(2)
            .stdout(contains(format!(
                "{reported}.json:{line}:{column}: error: {message}"
            )))
            .stdout(contains("panicked").not());
    }
}

/// Every other command refuses the same files with the same message, on stderr.
#[test]
fn other_commands_refuse_invalid_data_with_the_same_message() {
    let dir = tempfile::tempdir().expect("temporary directory");
    for fault in CORPUS {
        let (reported, line, column, message) =
            (fault.reported, fault.line, fault.column, fault.message);
        for args in [&["matrix"][..], &["products", "--as-of", "2026-01-01"][..]] {
            let mut command = cmd();
            command.args(args);
            with_files(&mut command, fault, dir.path());
            command.assert().code(2).stdout("").stderr(
                contains(format!("{reported}.json:{line}:{column}: error: {message}")).or(
                    // A lone unreadable file reads as one plain sentence.
                    contains("error: cannot read `"),
                ),
            );
        }
    }
}

/// Every error of a file is listed, not only the first.
#[test]
fn all_problems_are_reported_together() {
    cmd()
        .args(["validate", "--lifecycle"])
        .arg(fixture("broken/many_problems.json"))
        .assert()
        .code(2)
        .stdout(contains("many_problems.json:5:52: error: products[0] (`x`) versions[0] (`1`) release: `2020-02-30` is not a real date"))
        .stdout(contains("many_problems.json:6:36: error: products[0] (`x`) versions[1] (`2`) track: track `nope` is not one of the product's tracks"))
        .stdout(contains("many_problems.json:6:117: error: products[0] (`x`) versions[1] (`2`) extended_end: extended end 2025-01-01 before mainstream end 2026-01-01"))
        .stdout(contains("many_problems.json:7:22: error: products[0] (`x`) versions[2] (`2`) version: duplicate version `2`"))
        .stdout(contains(": 4 errors, 0 warnings"));
}

/// Review finding 16: `validate` prints each problem on one line (`file:line:column: error:
/// ...`, as editors and problem matchers read it) whatever width `COLUMNS` asks for, as other
/// commands print the same problems.
#[test]
fn validate_problem_lines_are_never_wrapped() {
    for columns in ["40", "60", "100"] {
        let out = cmd()
            .env("COLUMNS", columns)
            .args(["validate", "--lifecycle"])
            .arg(fixture("broken/many_problems.json"))
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(2));
        let stdout = String::from_utf8(out.stdout).expect("UTF-8");
        let problems: Vec<&str> = stdout.lines().filter(|l| l.contains(": error: ")).collect();
        assert_eq!(problems.len(), 4, "COLUMNS={columns}: {stdout}");
        assert!(
            problems.iter().all(|l| l.contains("many_problems.json:")),
            "COLUMNS={columns}: {stdout}"
        );
        assert!(
            stdout.contains("many_problems.json:5:52: error: products[0] (`x`) versions[0] (`1`) release: `2020-02-30` is not a real date in the form YYYY-MM-DD\n"),
            "COLUMNS={columns}: {stdout}"
        );
    }
}

/// The broken file of the corpus fault `name`, made in `dir`.
fn corpus_file(name: &str, dir: &std::path::Path) -> std::path::PathBuf {
    let fault = CORPUS
        .iter()
        .find(|f| f.name == name)
        .expect("in the corpus");
    broken_file(fault, dir)
}

/// Problems of both files are reported in one run.
#[test]
fn both_files_are_checked_in_one_run() {
    let dir = tempfile::tempdir().expect("temporary directory");
    cmd()
        .args(["validate", "--entitlements"])
        .arg(corpus_file("entitlements_duplicate_tier", dir.path()))
        .arg("--lifecycle")
        .arg(corpus_file("duplicate_version", dir.path()))
        .assert()
        .code(2)
        .stdout(contains("entitlements_duplicate_tier.json:15:13: error:"))
        .stdout(contains("duplicate_version.json:31:22: error:"));
}

/// The embedded data validates clean: exit 0, no errors, no warnings.
#[test]
fn embedded_data_validates_clean() {
    cmd().arg("validate").assert().code(0).stdout(
        "checked <embedded>/entitlements.json, <embedded>/lifecycle.json, <embedded>/diagnostics.json: 0 errors, 0 warnings\n\
         data: entitlement table: built-in, generated 2026-12-03\n\
         data: lifecycle data: built-in, generated 2026-11-24\n",
    );
}

/// Warnings do not fail validation: a product with nothing released by the generation date.
#[test]
fn warnings_do_not_fail() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string(fixture("basic/lifecycle.json"))
        .expect("fixture")
        .replace(
            "\"generated\": \"2026-01-01\"",
            "\"generated\": \"2014-01-01\"",
        );
    let path = dir.path().join("lifecycle.json");
    std::fs::write(&path, text).expect("write");
    cmd()
        .args(["validate", "--entitlements"])
        .arg(fixture("basic/entitlements.json"))
        .arg("--lifecycle")
        .arg(&path)
        .assert()
        .code(0)
        .stdout(contains(
            "lifecycle.json:24:5: warning: products[1] (`gadget`): no version on the main track is released by 2014-01-01",
        ))
        .stdout(contains("0 errors, 2 warnings"));
}

/// `validate --format json` lists the problems as objects.
#[test]
fn validate_json() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let out = cmd()
        .args(["validate", "--format", "json", "--lifecycle"])
        .arg(corpus_file("unknown_track", dir.path()))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["errors"], 1);
    assert_eq!(v["warnings"], 0);
    let p = &v["problems"][0];
    assert!(
        p["file"]
            .as_str()
            .expect("file")
            .ends_with("unknown_track.json")
    );
    assert_eq!(p["line"], 25);
    assert_eq!(p["column"], 20);
    assert_eq!(p["severity"], "error");
    assert_eq!(p["entry"], "products[0] (`alpha`) versions[0] (`2`) track");
    assert_eq!(
        p["message"],
        "track `preview` is not one of the product's tracks"
    );
}

/// The committed JSON Schemas are exactly what the types generate.
#[test]
fn committed_schemas_match_the_types() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for file in ["entitlements", "lifecycle", "diagnostics", "check-output"] {
        let committed =
            std::fs::read_to_string(root.join(format!("data/schema/{file}.schema.json")))
                .expect("committed schema");
        let out = cmd().args(["schema", file]).output().expect("runs");
        assert_eq!(
            String::from_utf8(out.stdout).expect("UTF-8"),
            committed,
            "data/schema/{file}.schema.json drifted: run `cargo run -- schema {file} > data/schema/{file}.schema.json`"
        );
    }
}

/// The data files point editors at the committed schemas.
#[test]
fn data_files_reference_their_schemas() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for file in ["entitlements", "lifecycle", "diagnostics"] {
        let text = std::fs::read_to_string(root.join(format!("data/{file}.json"))).expect("data");
        let v: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        assert_eq!(v["$schema"], format!("schema/{file}.schema.json"));
        assert!(
            root.join("data")
                .join(v["$schema"].as_str().expect("path"))
                .exists()
        );
    }
}

/// Answers more than 180 days after the data's generation date warn on stderr and in JSON,
/// without changing the exit status.
#[test]
fn stale_data_warns() {
    cmd()
        .args([
            "check",
            "-t",
            "solutions-partner",
            "-p",
            "sql-server",
            "--as-of",
            "2027-06-01",
            "-f",
            "json",
        ])
        .assert()
        .code(0)
        .stdout(contains("\"warnings\": [").and(contains("189 days before 2027-06-01")))
        .stderr(contains(
            "warning: the lifecycle data was generated on 2026-11-24, 189 days before 2027-06-01",
        ));
    cmd()
        .args(["products", "--as-of", "2027-06-01"])
        .assert()
        .code(0)
        .stderr(contains("the answer may be stale"))
        // Issue 14: advice that works where the user is, not `lifecycle import` (source trees
        // only); issue 15: the installed binary refreshes its own lifecycle data.
        .stderr(contains(
            "refresh it with `mpn-support lifecycle update`, or give your own with --lifecycle",
        ))
        .stderr(contains("lifecycle import").not());
    cmd()
        .args([
            "check",
            "-t",
            "solutions-partner",
            "-p",
            "sql-server",
            "--as-of",
            "2027-05-23",
            "-f",
            "json",
        ])
        .assert()
        .code(0)
        .stdout(contains("\"warnings\"").not())
        .stderr("");
}

/// Hostile data paths: each a clear error with exit 2, in bounded time and memory.
#[test]
fn hostile_data_files_are_refused_cleanly() {
    let dir = tempfile::tempdir().expect("temp dir");
    // 100 MB, sparse: refused by size before it is read.
    let big = dir.path().join("big.json");
    std::fs::File::create(&big)
        .and_then(|f| f.set_len(100 * 1024 * 1024))
        .expect("sparse file");
    // 100,000 levels of nesting.
    let deep = dir.path().join("deep.json");
    std::fs::write(
        &deep,
        format!("{{\"products\": [{{\"id\": \"x\", \"name\": \"x\", \"deployment\": \"cloud\", \"aliases\": {}{}}}]}}", "[".repeat(100_000), "]".repeat(100_000)),
    )
    .expect("write");
    let cases: [(&std::path::Path, &str); 4] = [
        (&big, "too large: more than 16 MiB"),
        (&deep, "deep.json:1:"),
        (dir.path(), "is a directory, not a file"),
        (
            std::path::Path::new("/nonexistent/lifecycle.json"),
            "no such file",
        ),
    ];
    for (path, message) in cases {
        let started = std::time::Instant::now();
        cmd()
            .args(["products", "--lifecycle"])
            .arg(path)
            .timeout(std::time::Duration::from_secs(20))
            .assert()
            .code(2)
            .stdout("")
            .stderr(contains(message).and(contains("panicked").not()));
        assert!(
            started.elapsed().as_secs() < 20,
            "{} took too long",
            path.display()
        );
    }
}

/// `validate` checks the `diagnose` message catalogue too, at line and column.
#[test]
fn validate_checks_the_message_catalogue() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("diagnostics.json");
    std::fs::write(
        &path,
        "{\n  \"entries\": [\n    { \"id\": \"a\", \"cause\": \"c\", \"action\": \"a\", \"portal\": \"p\", \"section\": \"s\" }\n  ]\n}\n",
    )
    .expect("write");
    cmd()
        .args(["validate", "--catalogue"])
        .arg(&path)
        .assert()
        .code(2)
        .stdout(contains("diagnostics.json:3:5: error: entries[0] (`a`): no message, japanese text or symptom to match"));
    cmd()
        .args(["diagnose", "anything", "--catalogue"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(contains("no message, japanese text or symptom to match"));
}

/// The built-in data is the JSON in `data/`, read through the same loader as a user's file:
/// naming the two files gives the same answers, byte for byte, in every format.
#[test]
fn builtin_data_answers_like_the_files_in_data() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let files = [
        "--entitlements".to_owned(),
        root.join("entitlements.json").display().to_string(),
        "--lifecycle".to_owned(),
        root.join("lifecycle.json").display().to_string(),
    ];
    for format in ["text", "json"] {
        for args in [
            &[
                "check",
                "-t",
                "gold",
                "-p",
                "sql-server",
                "--version",
                "2019",
                "--as-of",
                "2021-06-19",
            ][..],
            &["matrix"][..],
            &["products", "--versions", "--as-of", "2021-06-19"][..],
        ] {
            let args: Vec<&str> = args.iter().copied().chain(["--format", format]).collect();
            let builtin = cmd().args(&args).output().expect("runs");
            let named = cmd().args(&args).args(&files).output().expect("runs");
            assert!(!builtin.stdout.is_empty(), "{args:?}");
            let (mut builtin_out, mut named_out) = (builtin.stdout.clone(), named.stdout.clone());
            // JSON answers say which files they used (issue 15): that part differs, by design.
            if format == "json" && args[0] == "check" {
                let mut b: serde_json::Value = serde_json::from_slice(&builtin_out).expect("JSON");
                let mut n: serde_json::Value = serde_json::from_slice(&named_out).expect("JSON");
                assert_eq!(b["data"]["lifecycle"]["origin"], "built-in");
                assert_eq!(n["data"]["lifecycle"]["origin"], "file");
                assert_eq!(n["data"]["entitlements"]["origin"], "file");
                b["data"].take();
                n["data"].take();
                (builtin_out, named_out) = (b.to_string().into_bytes(), n.to_string().into_bytes());
            }
            assert_eq!(builtin_out, named_out, "{args:?}");
            assert_eq!(builtin.status.code(), named.status.code(), "{args:?}");
        }
    }
}

/// The built-in entitlement table with one edit, written to a temporary directory: the file,
/// and the line the edit starts on.
fn edited_entitlements(
    dir: &std::path::Path,
    find: &str,
    replace: &str,
) -> (std::path::PathBuf, usize) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("data/entitlements.json")).expect("data file");
    let at = text
        .find(find)
        .expect("the text to edit is in the data file");
    let line = text[..at].matches('\n').count() + 1;
    let path = dir.join("entitlements.json");
    std::fs::write(&path, text.replacen(find, replace, 1)).expect("temporary file");
    (path, line)
}

/// Periods in the rule book are checked like every other fact: overlapping cells, a period
/// without a source, an unknown source, dates out of order and a period that ends before it
/// starts are each refused at their line.
#[rstest::rstest]
#[case::overlapping_cells(
    "\"pack\": \"Partner On-premises support 20\",\n      \"from\": \"2025-06-23\"",
    "\"pack\": \"Partner On-premises support 20\",\n      \"from\": \"2025-06-01\"",
    1,
    15,
    "matrix[5] from: overlaps the entry for tier `gold`, support type `product-support`, class `any` in force 2017-07-22 to 2025-06-22"
)]
#[case::period_without_a_source(
    "\"sources\": [\n            \"mcpp-live-blog\",\n            \"legacy-silver-gold\",\n            \"merchantec\"\n          ]",
    "\"sources\": []",
    0,
    22,
    "tiers[2] (`silver`) offered[1] sources: a period without a source"
)]
#[case::unknown_source(
    "\"merchantec\"\n          ]",
    "\"merchant\"\n          ]",
    0,
    13,
    "tiers[2] (`silver`) offered[1] sources[2]: unknown source `merchant` (not in `references`)"
)]
#[case::periods_out_of_order(
    "\"from\": \"2022-10-01\"",
    "\"from\": \"2017-01-01\"",
    0,
    19,
    "tiers[2] (`silver`) offered[1] from: periods out of order: 2017-01-01 comes before 2017-07-22"
)]
#[case::ends_before_it_starts(
    "\"from\": \"2022-10-01\",\n          \"until\": \"2025-01-21\"",
    "\"from\": \"2022-10-01\",\n          \"until\": \"2022-01-01\"",
    1,
    20,
    "tiers[2] (`silver`) offered[1] until: `until` 2022-01-01 is before `from` 2022-10-01"
)]
fn periods_are_validated_at_their_line(
    #[case] find: &str,
    #[case] replace: &str,
    #[case] lines_down: usize,
    #[case] column: usize,
    #[case] message: &str,
) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let (path, line) = edited_entitlements(dir.path(), find, replace);
    let out = cmd()
        .arg("validate")
        .arg("--entitlements")
        .arg(&path)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    let expected = format!(
        "entitlements.json:{}:{column}: error: {message}",
        line + lines_down
    );
    assert!(
        stdout.lines().any(|l| l.ends_with(&expected)),
        "no `{expected}` in:\n{stdout}"
    );
}

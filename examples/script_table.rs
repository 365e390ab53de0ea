//! Writes `src/text/simplified.rs`, the traditional → simplified table
//! that search folding reads without building OpenCC's dictionaries at
//! every start: `cargo run --example script_table > src/text/simplified.rs`.
//! (`text::script`'s tests check the table against OpenCC.)

use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;

fn main() {
    let cc = OpenCC::from_config(BuiltinConfig::T2s).expect("OpenCC's built-in data");
    let chars: String = ('\u{3400}'..='\u{9FFF}').flat_map(|c| [c, '\n']).collect();
    let out = cc.convert(&chars);
    let pairs: Vec<(char, char)> = ('\u{3400}'..='\u{9FFF}')
        .zip(out.lines())
        .filter_map(|(c, t)| {
            let mut it = t.chars();
            match (it.next(), it.next()) {
                (Some(s), None) if s != c => Some((c, s)),
                _ => None,
            }
        })
        .collect();
    println!("//! Traditional → simplified, one character for one, from OpenCC's");
    println!("//! T2s data (Apache-2.0), as `cargo run --example script_table` writes");
    println!("//! it: search folds with it from the first keystroke, without building");
    println!("//! OpenCC's dictionaries (20 ms) in every process. Sorted, for a binary");
    println!("//! search; `text::script`'s tests check it against OpenCC.");
    println!();
    println!("#[rustfmt::skip]");
    println!(
        "pub(super) static TO_SIMPLIFIED: [(char, char); {}] = [",
        pairs.len()
    );
    for row in pairs.chunks(8) {
        let cells: Vec<String> = row.iter().map(|(t, s)| format!("('{t}', '{s}')")).collect();
        println!("    {},", cells.join(", "));
    }
    println!("];");
}

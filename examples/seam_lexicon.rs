//! Writes `assets/jieba-words.fst`: jieba's dictionary (word → count) as
//! an `fst` map, read in place from the binary, so that deciding whether
//! a word spans a seam needs no segmenter loaded (see
//! `src/text/lexicon.rs`). The empty key holds the total count.
//!
//! `cargo run --release --example seam_lexicon -- PATH/TO/jieba-rs-0.11.0/src/data/dict.txt`
//! (the crate's source under `~/.cargo/registry/src/*/`). Run it again
//! when jieba-rs's dictionary changes; a test compares the two.

use std::collections::BTreeMap;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("give the path of jieba-rs's src/data/dict.txt")?;
    let text = std::fs::read_to_string(&path)?;
    // As jieba-rs's load_dict reads it: the word, then its count (0 when
    // missing); a word given twice keeps its last count.
    let mut words: BTreeMap<&str, u64> = BTreeMap::new();
    for line in text.lines() {
        let mut fields = line.split_whitespace();
        let Some(word) = fields.next() else { continue };
        let count = fields.next().map_or(Ok(0), str::parse)?;
        words.insert(word, count);
    }
    let total: u64 = words.values().sum();
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/jieba-words.fst");
    let mut builder = fst::MapBuilder::new(std::io::BufWriter::new(std::fs::File::create(&out)?))?;
    builder.insert("", total)?;
    for (word, count) in &words {
        builder.insert(word, *count)?;
    }
    builder.finish()?;
    println!(
        "{} words, total {total}: {} ({} bytes)",
        words.len(),
        out.display(),
        std::fs::metadata(&out)?.len()
    );
    Ok(())
}

//! Writes jieba-rs's dictionary and IDF table as compact maps read in
//! place from the binary (see `src/text/lexicon.rs`), so that segmenting
//! a page's text needs no segmenter loaded:
//!
//! - `assets/jieba-words.fst`: word → count × 256 + its part of speech
//!   (an index into `assets/jieba-tags.txt`); the empty key holds the
//!   total count;
//! - `assets/jieba-idf.fst`: word → IDF (an f64's bits); the empty key
//!   holds the median, as jieba-rs works it out.
//!
//! `cargo run --release --example seam_lexicon -- PATH/TO/jieba-rs-0.11.0/src/data`
//! (the crate's source under `~/.cargo/registry/src/*/`). Run it again
//! when jieba-rs's data changes; tests compare the two.

use std::collections::BTreeMap;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let data = std::path::PathBuf::from(
        std::env::args()
            .nth(1)
            .ok_or("give the path of jieba-rs's src/data")?,
    );
    let assets = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    let text = std::fs::read_to_string(data.join("dict.txt"))?;
    // As jieba-rs's load_dict reads it: the word, then its count (0 when
    // missing) and part of speech; a word given twice keeps its last.
    let mut words: BTreeMap<&str, (u64, &str)> = BTreeMap::new();
    let mut tags: Vec<&str> = vec![""];
    for line in text.lines() {
        let mut fields = line.split_whitespace();
        let Some(word) = fields.next() else { continue };
        let count = fields.next().map_or(Ok(0), str::parse)?;
        let tag = fields.next().unwrap_or("");
        if !tags.contains(&tag) {
            tags.push(tag);
        }
        words.insert(word, (count, tag));
    }
    let total: u64 = words.values().map(|(c, _)| c).sum();
    let out = assets.join("jieba-words.fst");
    let mut builder = fst::MapBuilder::new(std::io::BufWriter::new(std::fs::File::create(&out)?))?;
    builder.insert("", total)?;
    for (word, (count, tag)) in &words {
        let tag = tags.iter().position(|t| t == tag).unwrap_or(0) as u64;
        builder.insert(word, count << 8 | tag)?;
    }
    builder.finish()?;
    std::fs::write(assets.join("jieba-tags.txt"), tags.join(" ") + "\n")?;
    println!("{} words, total {total}, {} tags", words.len(), tags.len());

    // The IDF table, as TfIdf::default loads it: a value per word (the
    // last one given), and the lower median of every value read.
    let text = std::fs::read_to_string(data.join("idf.txt"))?;
    let mut idf: BTreeMap<&str, f64> = BTreeMap::new();
    let mut values: Vec<f64> = Vec::new();
    for line in text.lines() {
        let mut fields = line.split_whitespace();
        if let (Some(word), Some(Ok(value))) = (fields.next(), fields.next().map(str::parse::<f64>))
        {
            idf.insert(word, value);
            values.push(value);
        }
    }
    values.sort_by(f64::total_cmp);
    let median = values[(values.len().saturating_sub(1)) / 2];
    let out = assets.join("jieba-idf.fst");
    let mut builder = fst::MapBuilder::new(std::io::BufWriter::new(std::fs::File::create(&out)?))?;
    builder.insert("", median.to_bits())?;
    for (word, value) in &idf {
        builder.insert(word, value.to_bits())?;
    }
    builder.finish()?;
    println!("{} IDF values, median {median}", idf.len());
    Ok(())
}

//! A host program: it parses its own documents with serde_json into an untagged enum holding
//! an `f64` (which `arbitrary_precision`, were gender-seal to force it, would break), and
//! scores the Mali fixture through gender-seal in the same program.

#![forbid(unsafe_code)]

use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Budget {
    Amount(f64),
    Named(String),
}

#[derive(Debug, Deserialize)]
struct Request {
    budget: Budget,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let request: Request = serde_json::from_str(r#"{"budget": 30000.5}"#)?;
    let amount = match request.budget {
        Budget::Amount(amount) => amount,
        Budget::Named(name) => return Err(format!("the budget parsed as the name {name}").into()),
    };
    let fw = gender_seal::Framework::builtin_latest("undp-gender-seal-co")?;
    let mali = gender_seal::Assessment::from_path(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/mali-2020.json"
    ))?;
    let card = gender_seal::score(&fw, &mali, &gender_seal::ScoreOptions::default())?;
    println!("budget {amount}; Mali {} %", card.percentage_rounded());
    Ok(())
}

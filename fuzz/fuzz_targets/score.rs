//! Both documents at once: the input is a framework and an assessment separated by the first
//! NUL byte (which JSON text never contains).
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(split) = data.iter().position(|&b| b == 0) else {
        return;
    };
    let (fw, a) = (&data[..split], &data[split + 1..]);
    if let (Ok(fw), Ok(a)) = (
        gender_seal::Framework::from_json(fw),
        gender_seal::Assessment::from_json(a),
    ) {
        common::score_both_ways(&fw, &a);
    }
});

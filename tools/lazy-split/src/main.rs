//! The release build's command for the lazy module (see the library):
//!
//! - `lazy-split instrument IN OUT`: a copy of IN that reports each function as it first runs;
//! - `lazy-split split IN PROFILE MAIN LAZY SLOTS`: IN split by PROFILE into MAIN and LAZY, and
//!   the table slots other modules must check before they call (SLOTS, JSON);
//! - `lazy-split guard IN OUT SLOTS`: IN (a module sharing MAIN's table) with those checks.

use std::collections::HashSet;
use std::process::ExitCode;

/// The slots file: `{"check": N, "cold": [..]}`.
fn slots_json(check: u32, cold: &[u32]) -> String {
    let cold: Vec<String> = cold.iter().map(u32::to_string).collect();
    format!("{{\"check\":{check},\"cold\":[{}]}}\n", cold.join(","))
}

/// Reads what [`slots_json`] wrote.
fn read_slots(text: &str) -> Result<(u32, HashSet<u32>), String> {
    let check = text
        .split("\"check\":")
        .nth(1)
        .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse().ok())
        .ok_or("the slots file names no check slot")?;
    let cold = text
        .split("\"cold\":")
        .nth(1)
        .ok_or("the slots file lists no cold slots")?;
    let cold = lazy_split::read_profile(cold).map_err(|e| e.to_string())?;
    Ok((check, cold))
}

fn run(args: &[String]) -> Result<String, Box<dyn std::error::Error>> {
    match args {
        [cmd, input, out] if cmd == "instrument" => {
            let wasm = std::fs::read(input)?;
            std::fs::write(out, lazy_split::instrument(&wasm)?)?;
            Ok(format!("{out} reports each function as it first runs"))
        }
        [cmd, input, profile, main, lazy, slots] if cmd == "split" => {
            let wasm = std::fs::read(input)?;
            let hot = lazy_split::read_profile(&std::fs::read_to_string(profile)?)?;
            let split = lazy_split::split(&wasm, &hot)?;
            std::fs::write(main, &split.main)?;
            std::fs::write(lazy, &split.lazy)?;
            std::fs::write(slots, slots_json(split.check_slot, &split.cold_slots))?;
            let s = split.stats;
            Ok(format!(
                "{} of {} functions ({} bytes of code) moved to {lazy}; {} trampolines, {} new table slots, {} indirect calls checked",
                s.moved, s.functions, s.moved_bytes, s.trampolines, s.new_slots, s.guarded
            ))
        }
        [cmd, input, out, slots] if cmd == "guard" => {
            let wasm = std::fs::read(input)?;
            let (check, cold) = read_slots(&std::fs::read_to_string(slots)?)?;
            let (guarded, count) = lazy_split::guard(&wasm, check, &cold)?;
            std::fs::write(out, guarded)?;
            Ok(format!("{out}: {count} indirect calls checked"))
        }
        _ => Err("usage: lazy-split instrument IN OUT | split IN PROFILE MAIN LAZY SLOTS | guard IN OUT SLOTS".into()),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(report) => {
            println!("lazy-split: {report}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("lazy-split: {e}");
            ExitCode::FAILURE
        }
    }
}

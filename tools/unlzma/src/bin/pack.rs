//! Packs the split blob (tools/build/assemble.py's `split_code`) with the context-mixing model of src/model.rs:
//! `pack IN OUT` writes the arithmetic-coded stream that src/lib.rs decodes (assemble.py adds the header). It
//! decodes its own output again with the same model before writing it (a failed round trip is an error).
//! `PACK_COST=1` also prints what each region of the blob costs (for tuning the model).
use std::process::ExitCode;

#[allow(dead_code)]
#[path = "../model.rs"]
mod model;

use model::{Model, Tables};

fn tables() -> Tables {
    Tables {
        t: vec![0; model::MEMORY].leak(),
        mt: vec![0; model::MATCHES].leak(),
        o0: vec![0; model::O0_LEN].leak(),
        dt: Box::leak(Box::new([0; 1024])),
        mixer: vec![0; model::MIXER_LEN].leak(),
        apm1: vec![0; model::APM1_LEN].leak(),
        apm2: vec![0; model::APM2_LEN].leak(),
        stretch: Box::leak(Box::new([0; 4096])),
    }
}

fn encode(data: &[u8]) -> Vec<u8> {
    let mut m = Model::new(tables());
    let (mut x1, mut x2) = (0u32, u32::MAX);
    let mut out = Vec::new();
    let mut cost = [0f64; 17];
    let mut count = [0usize; 17];
    for (i, &c) in data.iter().enumerate() {
        for b in (0..8).rev() {
            let y = u32::from(c >> b) & 1;
            let xmid = x1 + ((x2 - x1) >> 12) * m.p();
            let p = f64::from(m.p()) / 4096.0;
            cost[m.region()] -= if y == 1 { p.log2() } else { (1.0 - p).log2() };
            count[m.region()] += usize::from(b == 0);
            if y == 1 {
                x2 = xmid;
            } else {
                x1 = xmid + 1;
            }
            while (x1 ^ x2) & 0xFF00_0000 == 0 {
                out.push((x2 >> 24) as u8);
                x1 <<= 8;
                x2 = (x2 << 8) | 255;
            }
            m.update(y, &data[..i + usize::from(b == 0)]);
        }
    }
    out.extend_from_slice(&x1.to_be_bytes());
    if std::env::var_os("PACK_COST").is_some() {
        let names = [
            "head", "prefix", "suffix", "lget", "local", "i32", "i32mem", "i32small", "offset",
            "call", "i64", "bt", "locals", "br", "global", "misc", "op",
        ];
        for i in 0..17 {
            eprintln!("{:8} {:7} -> {:8.0}", names[i], count[i], cost[i] / 8.0);
        }
    }
    out
}

fn decode(packed: &[u8], size: usize) -> Option<Vec<u8>> {
    let mut m = Model::new(tables());
    let (mut x1, mut x2) = (0u32, u32::MAX);
    let mut x = u32::from_be_bytes(packed.get(..4)?.try_into().ok()?);
    let mut at = 4;
    let mut out = Vec::with_capacity(size);
    while out.len() < size {
        let mut c = 0u8;
        for b in (0..8).rev() {
            let xmid = x1 + ((x2 - x1) >> 12) * m.p();
            let y = u32::from(x <= xmid);
            if y == 1 {
                x2 = xmid;
            } else {
                x1 = xmid + 1;
            }
            while (x1 ^ x2) & 0xFF00_0000 == 0 {
                x1 <<= 8;
                x2 = (x2 << 8) | 255;
                x = (x << 8) | u32::from(*packed.get(at)?);
                at += 1;
            }
            c |= (y as u8) << b;
            if b == 0 {
                out.push(c);
            }
            m.update(y, &out);
        }
    }
    (at == packed.len() && x == x1).then_some(out)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let [_, input, output] = &args[..] else {
        eprintln!("usage: pack IN OUT");
        return ExitCode::FAILURE;
    };
    let data = match std::fs::read(input) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("pack: {input}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let packed = encode(&data);
    if decode(&packed, data.len()).as_deref() != Some(&data[..]) {
        eprintln!("pack: the packed stream does not decode to the input");
        return ExitCode::FAILURE;
    }
    if let Err(e) = std::fs::write(output, &packed) {
        eprintln!("pack: {output}: {e}");
        return ExitCode::FAILURE;
    }
    eprintln!("pack: {} -> {} B", data.len(), packed.len());
    ExitCode::SUCCESS
}

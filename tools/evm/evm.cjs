#!/usr/bin/env node
// EVM helpers for ./dcx (Node 20, no dependencies but solc-js from the launcher's npm folder).
//   node evm.cjs compile <solc module dir> <source dir> <out dir>
//       Compiles every .sol file with solc-js (standard JSON, optimizer on, EVM version shanghai: what ganache 7.9
//       runs) into <out dir>/<Contract>.abi (JSON), <Contract>.bin (hex, no 0x) and <Contract>.json (both).
//   node evm.cjs deploy <rpc url> <out dir> <Contract> [from address]
//       Deploys <Contract>.bin from an unlocked account of the node (ganache's first by default), waits for the
//       receipt and prints the contract address.
//   node evm.cjs mint <rpc url> <token> <to> <fen>            (from the issuer: the node's first account)
//   node evm.cjs transfer <rpc url> <token> <from> <to> <fen>  (from an unlocked account of the node)
//   node evm.cjs balance <rpc url> <token> <address>
//       Demo helpers for ./dcx up with DCX_EVM=ganache, whose accounts are unlocked.
'use strict';
const fs = require('fs');
const path = require('path');

function compile(solcDir, srcDir, outDir) {
  const solc = require(path.resolve(solcDir));
  const sources = {};
  for (const f of fs.readdirSync(srcDir).filter((f) => f.endsWith('.sol')).sort()) {
    sources[f] = { content: fs.readFileSync(path.join(srcDir, f), 'utf8') };
  }
  if (Object.keys(sources).length === 0) throw new Error(`no .sol files in ${srcDir}`);
  const input = {
    language: 'Solidity',
    sources,
    settings: {
      optimizer: { enabled: true, runs: 200 },
      evmVersion: 'shanghai',
      outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
    },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input)));
  const errors = (output.errors || []).filter((e) => e.severity === 'error');
  for (const e of output.errors || []) process.stderr.write(e.formattedMessage + '\n');
  if (errors.length) throw new Error(`solc: ${errors.length} error(s)`);
  fs.mkdirSync(outDir, { recursive: true });
  for (const file of Object.keys(output.contracts)) {
    for (const [name, c] of Object.entries(output.contracts[file])) {
      fs.writeFileSync(path.join(outDir, `${name}.abi`), JSON.stringify(c.abi, null, 1));
      fs.writeFileSync(path.join(outDir, `${name}.bin`), c.evm.bytecode.object);
      fs.writeFileSync(path.join(outDir, `${name}.json`),
        JSON.stringify({ contractName: name, source: file, compiler: solc.version(), abi: c.abi,
          bytecode: '0x' + c.evm.bytecode.object }, null, 1));
      console.log(`${name}: ${c.evm.bytecode.object.length / 2} bytes (${file}, solc ${solc.version()})`);
    }
  }
}

async function rpc(url, method, params) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) });
  const body = await res.json();
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}

async function deploy(url, outDir, name, from) {
  const bin = fs.readFileSync(path.join(outDir, `${name}.bin`), 'utf8').trim();
  const sender = from || (await rpc(url, 'eth_accounts', []))[0];
  const hash = await rpc(url, 'eth_sendTransaction', [{ from: sender, data: '0x' + bin, gas: '0x2dc6c0' }]);
  for (let i = 0; i < 100; i++) {
    const receipt = await rpc(url, 'eth_getTransactionReceipt', [hash]);
    if (receipt) {
      if (receipt.status !== '0x1') throw new Error(`deployment of ${name} reverted (tx ${hash})`);
      console.log(receipt.contractAddress);
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no receipt for ${hash} after 10 s`);
}

const word = (hex) => hex.replace(/^0x/, '').toLowerCase().padStart(64, '0');
const uint = (n) => word(BigInt(n).toString(16));

async function send(url, from, to, data) {
  const hash = await rpc(url, 'eth_sendTransaction', [{ from, to, data, gas: '0x30d40' }]);
  for (let i = 0; i < 100; i++) {
    const receipt = await rpc(url, 'eth_getTransactionReceipt', [hash]);
    if (receipt) {
      if (receipt.status !== '0x1') throw new Error(`transaction ${hash} reverted`);
      console.log(hash);
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no receipt for ${hash} after 10 s`);
}

async function main() {
  const [cmd, ...args] = process.argv.slice(2);
  if (cmd === 'compile' && args.length === 3) return compile(...args);
  if (cmd === 'deploy' && (args.length === 3 || args.length === 4)) return deploy(...args);
  if (cmd === 'mint' && args.length === 4) {
    const [url, token, to, fen] = args;
    const issuer = (await rpc(url, 'eth_accounts', []))[0];
    return send(url, issuer, token, '0x40c10f19' + word(to) + uint(fen));
  }
  if (cmd === 'transfer' && args.length === 5) {
    const [url, token, from, to, fen] = args;
    return send(url, from, token, '0xa9059cbb' + word(to) + uint(fen));
  }
  if (cmd === 'balance' && args.length === 3) {
    const [url, token, who] = args;
    return console.log(BigInt(await rpc(url, 'eth_call', [{ to: token, data: '0x70a08231' + word(who) }, 'latest'])).toString());
  }
  process.stderr.write('usage: evm.cjs compile <solc dir> <src dir> <out dir> | deploy <rpc> <out dir> <Contract> [from]'
    + ' | mint <rpc> <token> <to> <fen> | transfer <rpc> <token> <from> <to> <fen> | balance <rpc> <token> <address>\n');
  process.exit(2);
}

main().catch((e) => { process.stderr.write(`evm.cjs: ${e.message}\n`); process.exit(1); });

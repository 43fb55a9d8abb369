'use strict';
/**
 * Watchdog of a local-stack supervisor (started by process.ts, detached in its own session).
 *
 * The supervisor writes one line per event to this process's stdin: `+<pgid>` when it starts a child
 * process group, `-<pgid>` when that group is gone, `done` when it has stopped everything itself.
 * If stdin ends without `done` the supervisor died without cleaning up (SIGKILL, crash, a test runner
 * killing its worker): every group still known gets SIGTERM, then SIGKILL after the grace period
 * given as the first argument (ms). Plain CommonJS so it starts in milliseconds without a loader.
 * It prints nothing.
 */
const graceMs = Number(process.argv[2]) > 0 ? Number(process.argv[2]) : 5000;
const groups = new Set();
let done = false;
let pending = '';

const fs = require('node:fs');

/** Some process of the group still runs; zombies (exited, not yet reaped by their new parent) do not count. */
function alive(pgid) {
  try {
    process.kill(-pgid, 0);
  } catch (error) {
    if (error.code !== 'EPERM') return false;
  }
  let entries;
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return true;
  }
  for (const entry of entries) {
    if (!/^[0-9]+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid && fields[0] !== 'Z' && fields[0] !== 'X') return true;
    } catch {
      // exited meanwhile
    }
  }
  return false;
}

function signal(pgid, name) {
  try {
    process.kill(-pgid, name);
  } catch {
    // already gone
  }
}

function reap() {
  if (done || groups.size === 0) process.exit(0);
  for (const pgid of groups) signal(pgid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  const timer = setInterval(() => {
    const left = [...groups].filter(alive);
    if (left.length === 0) {
      clearInterval(timer);
      process.exit(0);
    }
    if (Date.now() >= deadline) {
      clearInterval(timer);
      for (const pgid of left) signal(pgid, 'SIGKILL');
      setTimeout(() => process.exit(0), 200);
    }
  }, 100);
}

process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  pending += chunk;
  for (let nl = pending.indexOf('\n'); nl >= 0; nl = pending.indexOf('\n')) {
    const line = pending.slice(0, nl).trim();
    pending = pending.slice(nl + 1);
    if (line === 'done') done = true;
    else if (/^[+-][1-9][0-9]*$/.test(line)) {
      const pgid = Number(line.slice(1));
      if (line[0] === '+') groups.add(pgid);
      else groups.delete(pgid);
    }
  }
});
process.stdin.on('end', reap);
process.stdin.on('error', reap);

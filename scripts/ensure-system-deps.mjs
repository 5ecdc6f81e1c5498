#!/usr/bin/env node
// Runs before the test suites (`npm test`): makes sure the two system binaries the tests use are there.
//   redis-server: the Redis job backend tests (packages/jobs, apps/cli worker) start a private one.
//   chromium:     the viewer's browser tests (apps/viewer e2e, apps/cli view and view-demo) drive it.
// Found the way the tests find them: $REDIS_SERVER_BIN or `redis-server` on PATH
// (packages/jobs/src/redis-server.ts), $CHROMIUM_PATH or /usr/bin/chromium (the viewer tests).
// If something is missing it installs the Debian packages with apt-get when it can (root, or passwordless
// sudo), otherwise it stops with one message saying what is missing and how to install it. Never skips.
// Node builtins only: it runs before anything else is known to work.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The system binaries the tests need, how the tests find them and which Debian package provides them. */
export const systemDeps = [
  {
    name: 'redis-server',
    debianPackage: 'redis-server',
    envVar: 'REDIS_SERVER_BIN',
    fallback: 'redis-server',
    why: 'the Redis job backend tests',
  },
  {
    name: 'chromium',
    debianPackage: 'chromium',
    envVar: 'CHROMIUM_PATH',
    fallback: '/usr/bin/chromium',
    why: "the viewer's browser tests",
  },
];

const aptInstallArgs = ['install', '-y', '-qq', '--no-install-recommends'];

/**
 * Decides what to do; pure, so it can be tested without touching the machine.
 * `has` maps each dep name to whether the tests would find it; `overrides` maps a dep name to the value of
 * its env var when that is set (then installing the package would not help: the tests look there).
 * Returns `{ action: 'ok' }`, `{ action: 'install', packages, sudo, commands, message }` (each command an
 * argv list) or `{ action: 'fail', missing, message }`.
 */
export function planSystemDeps({ has, isRoot, hasSudo, hasAptGet, overrides = {}, deps = systemDeps }) {
  const missing = deps.filter((dep) => !has[dep.name]);
  if (missing.length === 0) return { action: 'ok' };

  const names = missing.map((dep) => dep.name);
  const badOverrides = missing.filter((dep) => overrides[dep.name] !== undefined);
  const packages = missing.map((dep) => dep.debianPackage);
  const installCommand = `sudo apt-get install ${packages.join(' ')}`;
  const pointers = missing.map((dep) => `${dep.envVar}=/path/to/${dep.name}`).join(' ');

  if (badOverrides.length > 0) {
    const wrong = badOverrides
      .map((dep) => `${dep.envVar}=${overrides[dep.name]} is not an executable ${dep.name}`)
      .join('; ');
    const rest = missing.filter((dep) => overrides[dep.name] === undefined);
    const restHint =
      rest.length > 0
        ? ` Also missing: ${rest.map((dep) => dep.name).join(', ')} (install: sudo apt-get install ${rest.map((dep) => dep.debianPackage).join(' ')}).`
        : '';
    return {
      action: 'fail',
      missing: names,
      message:
        `ensure-system-deps: ${wrong}. Point ${badOverrides.map((dep) => dep.envVar).join(' / ')} at an existing ` +
        `binary, or unset it to use the default.${restHint}`,
    };
  }

  const reasons = missing.map((dep) => `${dep.name} (for ${dep.why})`).join(' and ');
  if (hasAptGet && (isRoot || hasSudo)) {
    const sudo = !isRoot;
    // sudo resets the environment, so DEBIAN_FRONTEND goes through env(1).
    const prefix = sudo ? ['sudo', '-n', 'env', 'DEBIAN_FRONTEND=noninteractive'] : [];
    return {
      action: 'install',
      packages,
      sudo,
      commands: [
        [...prefix, 'apt-get', 'update', '-qq'],
        [...prefix, 'apt-get', ...aptInstallArgs, ...packages],
      ],
      message: `ensure-system-deps: installing ${packages.join(' ')} with apt-get${sudo ? ' (sudo)' : ''}: missing ${reasons}.`,
    };
  }

  const why = hasAptGet
    ? 'installing needs root or passwordless sudo'
    : `this machine has no apt-get (not Debian/Ubuntu); install ${missing.length > 1 ? 'them' : 'it'} with its package manager`;
  return {
    action: 'fail',
    missing: names,
    message:
      `ensure-system-deps: missing ${reasons}; ${why}.\n` +
      `  Install (Debian/Ubuntu): ${installCommand}\n` +
      `  Or point the tests at ${missing.length > 1 ? 'existing binaries' : 'an existing binary'}: ${pointers} npm test`,
  };
}

/** The executable `command` resolves to the way spawn() does (a path if it has a slash, else PATH). */
export function findExecutable(command, env = process.env) {
  const candidates = command.includes('/')
    ? [path.resolve(command)]
    : (env.PATH ?? '')
        .split(path.delimiter)
        .filter(Boolean)
        .map((dir) => path.join(dir, command));
  for (const candidate of candidates) {
    try {
      if (!statSync(candidate).isFile()) continue;
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not there or not executable: try the next one
    }
  }
  return undefined;
}

/** Where each dep is on this machine (undefined when the tests would not find it), and any env overrides. */
export function probeSystemDeps(env = process.env, deps = systemDeps) {
  const found = {};
  const overrides = {};
  for (const dep of deps) {
    const value = env[dep.envVar];
    if (value !== undefined && value !== '') overrides[dep.name] = value;
    found[dep.name] = findExecutable(overrides[dep.name] ?? dep.fallback, env);
  }
  return { found, overrides };
}

function succeeds(argv) {
  return spawnSync(argv[0], argv.slice(1), { stdio: 'ignore' }).status === 0;
}

function main() {
  const probe = () => {
    const { found, overrides } = probeSystemDeps();
    const has = Object.fromEntries(Object.entries(found).map(([name, where]) => [name, where !== undefined]));
    return { found, overrides, has };
  };
  let { found, overrides, has } = probe();
  const isRoot = process.getuid?.() === 0;
  const hasAptGet = findExecutable('apt-get') !== undefined;
  const hasSudo = !isRoot && findExecutable('sudo') !== undefined && succeeds(['sudo', '-n', 'true']);
  const plan = planSystemDeps({ has, isRoot, hasSudo, hasAptGet, overrides });

  if (plan.action === 'fail') {
    console.error(plan.message);
    process.exit(1);
  }
  if (plan.action === 'install') {
    console.log(plan.message);
    for (const argv of plan.commands) {
      const result = spawnSync(argv[0], argv.slice(1), {
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
      if (result.status !== 0) {
        console.error(
          `ensure-system-deps: \`${argv.join(' ')}\` failed (${result.error?.message ?? `exit ${result.status}`}); ` +
            `install by hand: sudo apt-get install ${plan.packages.join(' ')}`,
        );
        process.exit(1);
      }
    }
    ({ found, overrides, has } = probe());
    const still = systemDeps.filter((dep) => !has[dep.name]);
    if (still.length > 0) {
      console.error(
        `ensure-system-deps: installed ${plan.packages.join(' ')} but the tests still cannot find ` +
          still.map((dep) => `${dep.name} (${dep.envVar} or ${dep.fallback})`).join(', '),
      );
      process.exit(1);
    }
  }
  console.log(
    `ensure-system-deps: OK (${systemDeps.map((dep) => `${dep.name}: ${found[dep.name]}`).join(', ')})`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();

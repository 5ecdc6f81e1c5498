import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findExecutable, planSystemDeps, probeSystemDeps } from './ensure-system-deps.mjs';

const all = { 'redis-server': true, chromium: true };
const none = { 'redis-server': false, chromium: false };

describe('planSystemDeps', () => {
  it('does nothing when both binaries are there, whatever the privileges', () => {
    for (const isRoot of [true, false])
      for (const hasAptGet of [true, false])
        expect(planSystemDeps({ has: all, isRoot, hasSudo: false, hasAptGet })).toEqual({ action: 'ok' });
  });

  it('installs only what is missing with apt-get as root, saying what and why', () => {
    const plan = planSystemDeps({
      has: { 'redis-server': false, chromium: true },
      isRoot: true,
      hasSudo: false,
      hasAptGet: true,
    });
    expect(plan.action).toBe('install');
    expect(plan.packages).toEqual(['redis-server']);
    expect(plan.sudo).toBe(false);
    expect(plan.commands).toEqual([
      ['apt-get', 'update', '-qq'],
      ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'redis-server'],
    ]);
    expect(plan.message).toContain('installing redis-server');
    expect(plan.message).toContain('Redis job backend tests');
    expect(plan.message).not.toContain('chromium');
    expect(plan.message).not.toContain('\n');
  });

  it('installs both through passwordless sudo when not root', () => {
    const plan = planSystemDeps({ has: none, isRoot: false, hasSudo: true, hasAptGet: true });
    expect(plan.action).toBe('install');
    expect(plan.packages).toEqual(['redis-server', 'chromium']);
    expect(plan.sudo).toBe(true);
    const sudo = ['sudo', '-n', 'env', 'DEBIAN_FRONTEND=noninteractive'];
    expect(plan.commands).toEqual([
      [...sudo, 'apt-get', 'update', '-qq'],
      [...sudo, 'apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'redis-server', 'chromium'],
    ]);
    expect(plan.message).toContain("chromium (for the viewer's browser tests)");
  });

  it('fails without root or sudo, naming what is missing, the install command and the env vars', () => {
    const plan = planSystemDeps({ has: none, isRoot: false, hasSudo: false, hasAptGet: true });
    expect(plan.action).toBe('fail');
    expect(plan.missing).toEqual(['redis-server', 'chromium']);
    expect(plan.message).toContain('missing redis-server');
    expect(plan.message).toContain('root or passwordless sudo');
    expect(plan.message).toContain('sudo apt-get install redis-server chromium');
    expect(plan.message).toContain('REDIS_SERVER_BIN=/path/to/redis-server');
    expect(plan.message).toContain('CHROMIUM_PATH=/path/to/chromium');
  });

  it('names only the missing one when the other is there', () => {
    const plan = planSystemDeps({
      has: { 'redis-server': true, chromium: false },
      isRoot: false,
      hasSudo: false,
      hasAptGet: true,
    });
    expect(plan.action).toBe('fail');
    expect(plan.missing).toEqual(['chromium']);
    expect(plan.message).toContain('sudo apt-get install chromium\n');
    expect(plan.message).not.toContain('redis');
  });

  it('fails on a machine without apt-get even as root', () => {
    const plan = planSystemDeps({ has: none, isRoot: true, hasSudo: false, hasAptGet: false });
    expect(plan.action).toBe('fail');
    expect(plan.message).toContain('no apt-get');
    expect(plan.message).toContain('sudo apt-get install redis-server chromium');
  });

  it('does not install over an env var that points nowhere: the tests would still look there', () => {
    const plan = planSystemDeps({
      has: { 'redis-server': true, chromium: false },
      isRoot: true,
      hasSudo: false,
      hasAptGet: true,
      overrides: { chromium: '/opt/nope/chrome' },
    });
    expect(plan.action).toBe('fail');
    expect(plan.message).toContain('CHROMIUM_PATH=/opt/nope/chrome is not an executable chromium');
  });
});

describe('probeSystemDeps', () => {
  let dir;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ensure-system-deps-'));
    for (const name of ['redis-server', 'chrome']) {
      await writeFile(path.join(dir, name), '#!/bin/sh\n');
      await chmod(path.join(dir, name), 0o755);
    }
    await writeFile(path.join(dir, 'not-executable'), '');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('looks where the tests look: redis-server on PATH, CHROMIUM_PATH or /usr/bin/chromium', () => {
    const { found, overrides } = probeSystemDeps({ PATH: dir, CHROMIUM_PATH: path.join(dir, 'chrome') });
    expect(found).toEqual({
      'redis-server': path.join(dir, 'redis-server'),
      chromium: path.join(dir, 'chrome'),
    });
    expect(overrides).toEqual({ chromium: path.join(dir, 'chrome') });
  });

  it('follows REDIS_SERVER_BIN and reports what is not there', () => {
    const { found, overrides } = probeSystemDeps({
      PATH: dir,
      REDIS_SERVER_BIN: path.join(dir, 'not-executable'),
      CHROMIUM_PATH: path.join(dir, 'missing'),
    });
    expect(found).toEqual({ 'redis-server': undefined, chromium: undefined });
    expect(overrides['redis-server']).toBe(path.join(dir, 'not-executable'));
  });

  it('findExecutable skips directories and non-executables on PATH', () => {
    expect(findExecutable('redis-server', { PATH: `${path.join(dir, 'nope')}:${dir}` })).toBe(
      path.join(dir, 'redis-server'),
    );
    expect(findExecutable('not-executable', { PATH: dir })).toBeUndefined();
    expect(findExecutable('ensure-system-deps-test', { PATH: tmpdir() })).toBeUndefined();
  });
});

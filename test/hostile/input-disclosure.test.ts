import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_QUOTED_CHARACTERS } from '../../src/core/quote.js';
import { runInProcess, tempDir } from '../e2e/support.js';

// Class 6 of the hardening issue: `model: ./.env` (or /etc/passwd, or a ../ path) in an answers
// file made the error print that file's content, into CI logs. A file read as a model that is not
// one is refused saying so, without a word of what it holds; text quoted in any message is short.

const ANSWERS = 'test/fixtures/hostile/input-not-a-model.yaml';
const SECRET_FILE = 'test/fixtures/hostile/input-secret.env';
const SECRETS = ['API_TOKEN', 'fixture-secret-3f9a1c', 'DB_PASSWORD', 'fixture-password-77'];

const NOT_A_MODEL_TEXT = `${SECRET_FILE}:1:1: the top level of a model must be a mapping of keys (key: value), but it holds a single value; this is not a model (what it holds is not shown)`;

function expectNothingOf(stderr: string, secrets: readonly string[]): void {
  for (const secret of secrets) expect(stderr, `"${secret}" is shown`).not.toContain(secret);
}

describe("a file's content is not disclosed through a model: reference", () => {
  it('model: ./<a .env file>, in every command that reads answers: says it is not a model, shows none of it', async () => {
    const runs = [
      ['score', ANSWERS],
      ['validate', ANSWERS],
      ['benchmark', ANSWERS, 'examples/community@1.0/early.yaml'],
      ['diff', 'examples/community@1.0/early.yaml', ANSWERS],
      ['history', 'examples/community@1.0/early.yaml', ANSWERS],
      ['score', 'examples/community@1.0/middle.yaml', '--baseline', ANSWERS],
    ];
    for (const args of runs) {
      const result = await runInProcess(args);
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(2);
      expect(result.stderr.split('\n'), args.join(' ')).toContain(NOT_A_MODEL_TEXT);
      expectNothingOf(result.stderr + result.stdout, SECRETS);
    }
  });

  it('an absolute path, a ../ path and a YAML file without model keys: refused alike, nothing quoted', async () => {
    const dir = tempDir();
    const secrets = join(dir, 'private');
    mkdirSync(secrets);
    // As /etc/passwd is: one long plain scalar to YAML.
    const passwd = join(secrets, 'passwd');
    writeFileSync(passwd, 'root:x:0:0:root-secret-name:/root:/bin/bash\ndaemon:x:1:1:daemon-secret:/usr/sbin:/usr/sbin/nologin\n');
    // A configuration in YAML: a mapping, with none of a model's keys.
    const config = join(secrets, 'config.yaml');
    writeFileSync(config, 'db_password: hunter2-secret\napi:\n  token: tok-secret-123\n');
    // A JSON credentials file: JSON is YAML.
    const credentials = join(secrets, 'credentials.json');
    writeFileSync(credentials, '{ "private_key": "-----BEGIN KEY-----secret-key-body", "client_email": "robot-secret@example.org" }\n');
    const answersDir = join(dir, 'answers');
    mkdirSync(answersDir);
    const cases: [reference: string, shown: string, message: string][] = [
      [passwd, passwd, 'but it holds a single value; this is not a model (what it holds is not shown)'],
      ['../private/config.yaml', join(secrets, 'config.yaml'), "this is not a model: it has none of the keys a model has (stages, scale, competencies); what it holds is not shown"],
      ['../private/credentials.json', join(secrets, 'credentials.json'), "this is not a model: it has none of the keys a model has (stages, scale, competencies); what it holds is not shown"],
    ];
    if (existsSync('/etc/passwd')) cases.push(['/etc/passwd', '/etc/passwd', 'this is not a model']);
    for (const [reference, shown, message] of cases) {
      const answers = join(answersDir, 'answers.yaml');
      writeFileSync(answers, `organisation: Curious Ltd\nmodel: ${reference}\nanswers: {}\n`);
      const result = await runInProcess(['score', answers]);
      expect(result.code, result.stderr).toBe(2);
      // One line, about that file, saying what it is not.
      expect(result.stderr.startsWith(`${shown}:1:1: `), result.stderr).toBe(true);
      expect(result.stderr).toContain(message);
      expect(result.stderr.split('\n')).toHaveLength(2);
      expectNothingOf(result.stderr, ['root-secret-name', 'daemon', 'hunter2', 'db_password', 'token', 'tok-secret', 'private_key', 'BEGIN', 'robot-secret', 'root:x']);
    }
  });

  it('the parser’s messages leave out the text they would quote from the file', async () => {
    const dir = tempDir();
    const odd = join(dir, 'odd.yaml');
    writeFileSync(odd, 'key: |secret-in-a-header\n  text\n');
    const version = join(dir, 'version.yaml');
    writeFileSync(version, '%YAML 1.9-secret-version\n---\nkey: 1\n');
    for (const file of [odd, version]) {
      writeFileSync(join(dir, 'answers.yaml'), `organisation: Curious Ltd\nmodel: ./${file.slice(dir.length + 1)}\nanswers: {}\n`);
      const result = await runInProcess(['score', join(dir, 'answers.yaml')]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/YAML syntax error: (block scalar header includes extra characters|unsupported YAML version)\n/);
      expectNothingOf(result.stderr, ['secret']);
    }
  });

  it('a real model that is broken is still explained in full, with its values quoted', async () => {
    const dir = tempDir();
    const model = readFileSync('models/community@1.0.yaml', 'utf8').replace(/^id: community$/m, 'id: Not A Slug');
    writeFileSync(join(dir, 'model.yaml'), model);
    writeFileSync(join(dir, 'answers.yaml'), 'organisation: Curious Ltd\nmodel: ./model.yaml\nanswers: {}\n');
    const result = await runInProcess(['score', join(dir, 'answers.yaml')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/model\.yaml:\d+:\d+: id "Not A Slug" is not a valid id/);
  });

  it(`text quoted from the answers file the user named is at most ${MAX_QUOTED_CHARACTERS} characters`, async () => {
    const long = `x${'0123456789'.repeat(20)}`;
    const text = `organisation: Long Ltd\nanswers:\n  strategy.purpose: "${long}"\n  ${long}: "yes"\n${long}: 1\ndate: "${long}"\n`;
    const result = await runInProcess(['score', '-'], { input: text });
    expect(result.code).toBe(2);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    const cut = `${long.slice(0, MAX_QUOTED_CHARACTERS - 1)}…`;
    for (const line of lines) {
      expect(line).toContain(cut);
      expect(line).not.toContain(long.slice(0, MAX_QUOTED_CHARACTERS));
    }
  });
});

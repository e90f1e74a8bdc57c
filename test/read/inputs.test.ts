import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandInputs } from '../../src/read/inputs.js';
import { tempDir } from '../e2e/support.js';

/** A folder `pool` with answers files a.yaml, b.yaml and sub/c.yml, named relative to the working folder. */
function pool(): { dir: string; pool: string } {
  const dir = relative(process.cwd(), tempDir());
  const folder = join(dir, 'pool');
  mkdirSync(join(folder, 'sub'), { recursive: true });
  for (const file of ['a.yaml', 'b.yaml', join('sub', 'c.yml')]) writeFileSync(join(folder, file), 'organisation: X\n');
  return { dir, pool: folder };
}

describe('expandInputs: each file once, under the name it is first met by', () => {
  it('a folder named three ways is listed once, by its first name', async () => {
    const { pool: folder } = pool();
    const { files, found } = await expandInputs([folder, `${join(process.cwd(), folder)}${sep}`, `.${sep}${folder}`]);
    const expected = [join(folder, 'a.yaml'), join(folder, 'b.yaml'), join(folder, 'sub', 'c.yml')];
    expect(files).toEqual(expected);
    expect([...found]).toEqual(expected);
  });

  it('a file of a folder named again, by another spelling, stays under its first name and is no longer found but named', async () => {
    const { pool: folder } = pool();
    const { files, found } = await expandInputs([folder, `.${sep}${join(folder, 'b.yaml')}`, `${folder}${sep}${sep}a.yaml`]);
    expect(files).toEqual([join(folder, 'a.yaml'), join(folder, 'b.yaml'), join(folder, 'sub', 'c.yml')]);
    expect([...found]).toEqual([join(folder, 'sub', 'c.yml')]);
  });

  it('a file named before its folder is walked keeps its name, and the walk does not add it again', async () => {
    const { pool: folder } = pool();
    const named = join(process.cwd(), folder, 'sub', 'c.yml');
    const { files, found } = await expandInputs([named, folder]);
    expect(files).toEqual([named, join(folder, 'a.yaml'), join(folder, 'b.yaml')]);
    expect([...found]).toEqual([join(folder, 'a.yaml'), join(folder, 'b.yaml')]);
  });

  it('a link to a file, and a link to the folder, name files already met', async () => {
    const { dir, pool: folder } = pool();
    symlinkSync(join('pool', 'b.yaml'), join(dir, 'b-link.yaml'));
    symlinkSync('pool', join(dir, 'pool-link'));
    const { files, found } = await expandInputs([join(dir, 'b-link.yaml'), join(dir, 'pool-link'), folder]);
    expect(files).toEqual([join(dir, 'b-link.yaml'), join(dir, 'pool-link', 'a.yaml'), join(dir, 'pool-link', 'sub', 'c.yml')]);
    expect([...found]).toEqual([join(dir, 'pool-link', 'a.yaml'), join(dir, 'pool-link', 'sub', 'c.yml')]);
  });

  it('a missing file named by two spellings is kept once, to be reported where it is read', async () => {
    const { dir } = pool();
    const missing = join(dir, 'gone', 'x.yaml');
    const { files, found } = await expandInputs([missing, `.${sep}${missing}`, join(process.cwd(), missing), `${missing}${sep}.`, `${missing}${sep}x${sep}..`]);
    expect(files).toEqual([missing]);
    expect(found.size).toBe(0);
  });

  it('standard input is kept once, and is never a file of a folder', async () => {
    const { pool: folder } = pool();
    const { files, found } = await expandInputs(['-', folder, '-']);
    expect(files).toEqual(['-', join(folder, 'a.yaml'), join(folder, 'b.yaml'), join(folder, 'sub', 'c.yml')]);
    expect(found.has('-')).toBe(false);
  });
});

// Settings read from the environment: a size limit that is not a number stops the start-up rather than mean "none".
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('configuration', () => {
  it('reads IMPORT_MAX_BYTES as a positive whole number of bytes, and refuses anything else', () => {
    expect(loadConfig({}).importMaxBytes).toBe(20 * 1024 ** 3);
    expect(loadConfig({ IMPORT_MAX_BYTES: '1000' }).importMaxBytes).toBe(1000);
    for (const wrong of ['20G', '-1', '0', '1.5']) {
      expect(() => loadConfig({ IMPORT_MAX_BYTES: wrong })).toThrow(/IMPORT_MAX_BYTES must be a positive whole number/);
    }
  });
});

import { createConfig, type Config } from "../../src/config.js";

export const testBotToken = "123456789:TEST-token_for-the-emulator";

export function testConfig(overrides: Record<string, string | undefined> = {}): Config {
  return createConfig({
    TELEGRAM_BOT_TOKEN: testBotToken,
    LOG_LEVEL: "silent",
    DATA_DIR: "./tmp/test-data",
    ...overrides,
  });
}

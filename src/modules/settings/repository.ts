import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { offices } from '../../db/schema/index.js';
import { todayIn } from '../../domain/dates.js';
import { type OfficeSettings, resolveOfficeSettings } from '../../shared/settings.js';

export const settingsRepository = {
  /** Today in the office's time zone. */
  async today(tx: Tx, officeId: string, now: Date): Promise<string> {
    return todayIn((await settingsRepository.get(tx, officeId)).timeZone, now);
  },
  async get(tx: Tx, officeId: string): Promise<OfficeSettings> {
    const [row] = await tx.select({ settings: offices.settings }).from(offices).where(eq(offices.id, officeId));
    return resolveOfficeSettings(row?.settings);
  },
  save: (tx: Tx, officeId: string, settings: OfficeSettings) =>
    tx.update(offices).set({ settings }).where(eq(offices.id, officeId)),
};

import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  bankAccountResult,
  ExpenseClaim,
  ExpenseClaimStatus,
  expenseOptionsSchema,
  expenseSettingsSchema,
  PayoutRun,
} from '../../shared/expenses.js';
import { api, type List } from './client';

export type ClaimList = List<ExpenseClaim>;
export const sumCents = (items: ExpenseClaim[]) => items.reduce((s, c) => s + c.amountCents, 0);
export type ExpenseOptions = z.infer<typeof expenseOptionsSchema>;
export type BankAccountResult = z.infer<typeof bankAccountResult>;
export type ExpenseSettings = z.infer<typeof expenseSettingsSchema>;

export const expenseKeys = {
  all: ['expenses'] as const,
  mine: ['expenses', 'mine'] as const,
  options: ['expenses', 'options'] as const,
  myBank: ['expenses', 'my-bank'] as const,
  queue: (status: ExpenseClaimStatus) => ['expenses', 'queue', status] as const,
  runs: ['expenses', 'runs'] as const,
  settings: ['expenses', 'settings'] as const,
  guideBank: (guideId: string) => ['expenses', 'bank', guideId] as const,
};

export const useMyClaims = () =>
  useQuery({ queryKey: expenseKeys.mine, queryFn: () => api.get<ClaimList>('/me/expense-claims') });
export const useExpenseOptions = () =>
  useQuery({ queryKey: expenseKeys.options, queryFn: () => api.get<ExpenseOptions>('/me/expense-options') });
export const useMyBankAccount = () =>
  useQuery({ queryKey: expenseKeys.myBank, queryFn: () => api.get<BankAccountResult>('/me/bank-account') });
export const useClaimQueue = (status: ExpenseClaimStatus) =>
  useQuery({ queryKey: expenseKeys.queue(status), queryFn: () => api.get<ClaimList>('/expense-claims', { status }) });
export const usePayoutRuns = () =>
  useQuery({ queryKey: expenseKeys.runs, queryFn: () => api.get<List<PayoutRun>>('/payout-runs') });
export const useExpenseSettings = () =>
  useQuery({ queryKey: expenseKeys.settings, queryFn: () => api.get<ExpenseSettings>('/expense-settings') });

/** A File as base64 (without the data: prefix), for the JSON upload of a receipt. */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

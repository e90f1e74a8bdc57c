import type { Model } from '../src/index.js';

export const DEFAULT_SEED: number;
export const FILES_PER_FOLDER: number;
export function mulberry32(seed: number): () => number;
export function answersText(model: Model, index: number, seed?: number): string;
export function answersFilePath(folder: string, index: number): string;
export function builtinModel(id?: string): Promise<Model>;
export function generateAnswersFiles(folder: string, count: number, options?: { seed?: number; model?: Model }): Promise<string[]>;

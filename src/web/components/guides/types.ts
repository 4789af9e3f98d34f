import type { Gender } from '../../../shared/enums.js';

export type GenderOrEmpty = Gender | '';

export * from './derive-status';
export * from './overlap';
export * from './agreement';
export * from './grading';
export * from './permissions';

export * from './common';
export * from './auth';
export * from './profile';
export * from './merchants';
export * from './cases';
export * from './uploads';
export * from './meta';

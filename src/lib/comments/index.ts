export * from './schema';
export * from './files';
export * from './merge';

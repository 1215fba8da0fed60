/**
 * Python's `configparser` (3.11): INI files read into sections of options
 * (RawConfigParser, ConfigParser with `%(name)s` interpolation, each
 * section a SectionProxy mapping), written back, with the interpolations,
 * converters and exceptions Python documents. The classes are in
 * support/configparser/.
 */
// The runtime first: its modules initialise in dependency order only when loaded from the top.
import '../index.js';
import { loadedModules } from './support/moduleTable.js';
import * as self from './configparser.js';

export const __name__ = 'configparser';
loadedModules.$set('configparser', self);

export const __all__ = [
  'NoSectionError', 'DuplicateOptionError', 'DuplicateSectionError', 'NoOptionError', 'InterpolationError', 'InterpolationDepthError',
  'InterpolationMissingOptionError', 'InterpolationSyntaxError', 'ParsingError', 'MissingSectionHeaderError', 'ConfigParser',
  'SafeConfigParser', 'RawConfigParser', 'Interpolation', 'BasicInterpolation', 'ExtendedInterpolation', 'LegacyInterpolation',
  'SectionProxy', 'ConverterMapping', 'DEFAULTSECT', 'MAX_INTERPOLATION_DEPTH',
];

export {
  DuplicateOptionError, DuplicateSectionError, Error, InterpolationDepthError, InterpolationError, InterpolationMissingOptionError,
  InterpolationSyntaxError, MAX_INTERPOLATION_DEPTH, MissingSectionHeaderError, NoOptionError, NoSectionError, ParsingError,
} from './support/configparser/errors.js';
export { BasicInterpolation, ExtendedInterpolation, Interpolation, LegacyInterpolation } from './support/configparser/interpolation.js';
export { ConverterMapping, SectionProxy } from './support/configparser/proxies.js';
// `_UNSET`, the default of `fallback=`: a subclass passing its own parameters on may name it, as in CPython.
export { ConfigParser, DEFAULTSECT, RawConfigParser, SafeConfigParser, _UNSET } from './support/configparser/parser.js';

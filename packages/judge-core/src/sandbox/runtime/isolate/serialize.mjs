// @ts-check
// The value a function-style entry returns, serialized as JSON without trusting any patched builtin.
import {
  ArrayIsArray,
  JSONStringify,
  MapCtor,
  NumberIsFinite,
  ObjectKeys,
  RangeErrorCtor,
  SetCtor,
  TypeErrorCtor,
  Uint8ArrayCtor,
  call,
  setAdd,
  setDelete,
  setHas,
} from './primordials.mjs';
import { state } from './state.mjs';

const MAX_DEPTH = 1000;
/**
 * Throws RangeError('OUTPUT_LIMIT'), or a TypeError whose message starts with 'UNSERIALIZABLE:'.
 * @param {unknown} value
 * @returns {string}
 */
export function serialize(value) {
  let size = 0;
  const onPath = new SetCtor();
  /**
   * @param {any} node
   * @param {number} depth
   * @returns {string}
   */
  function visit(node, depth) {
    if (size > state.outputLimit) throw new RangeErrorCtor('OUTPUT_LIMIT');
    switch (typeof node) {
      case 'string': {
        size += node.length;
        if (size > state.outputLimit) throw new RangeErrorCtor('OUTPUT_LIMIT');
        return JSONStringify(node);
      }
      case 'number':
        size += 8;
        return NumberIsFinite(node) ? (node === 0 ? '0' : '' + node) : 'null';
      case 'boolean':
        size += 5;
        return node ? 'true' : 'false';
      case 'undefined':
        size += 4;
        return 'null';
      case 'bigint':
        size += 8;
        return '' + node;
      case 'symbol':
      case 'function':
        throw new TypeErrorCtor('UNSERIALIZABLE:the returned value contains a ' + typeof node);
    }
    if (node === null) {
      size += 4;
      return 'null';
    }
    if (depth > MAX_DEPTH) throw new TypeErrorCtor('UNSERIALIZABLE:the returned value is nested too deeply');
    if (call(setHas, onPath, node)) throw new TypeErrorCtor('UNSERIALIZABLE:the returned value contains a cycle');
    call(setAdd, onPath, node);
    let text;
    if (
      ArrayIsArray(node) ||
      node instanceof Uint8ArrayCtor ||
      node instanceof Int32Array ||
      node instanceof Float64Array
    ) {
      const length = node.length;
      text = '[';
      for (let i = 0; i < length; i++) text += (i === 0 ? '' : ',') + visit(node[i], depth + 1);
      text += ']';
    } else if (node instanceof SetCtor || node instanceof MapCtor) {
      throw new TypeErrorCtor(
        'UNSERIALIZABLE:return an array or a plain object, not a ' + (node instanceof SetCtor ? 'Set' : 'Map'),
      );
    } else {
      const keys = ObjectKeys(node);
      text = '{';
      for (let i = 0; i < keys.length; i++)
        text += (i === 0 ? '' : ',') + JSONStringify(keys[i]) + ':' + visit(node[keys[i]], depth + 1);
      text += '}';
    }
    size += 2;
    call(setDelete, onPath, node);
    return text;
  }
  return visit(value, 0);
}

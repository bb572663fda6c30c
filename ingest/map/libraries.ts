/**
 * The Hub's library ids (`transformers`, `diffusers`, `sentence-transformers`, `timm`, ...): the
 * keys of MODEL_LIBRARIES_UI_ELEMENTS in @huggingface/tasks, the package the Hub itself uses for its library
 * list, so a new library there becomes a library here on upgrade without a code change.
 * Framework tags (`pytorch`, `tf`, `jax`, `safetensors`, `onnx`) are not libraries there, and stay
 * plain tags here.
 */
import { ALL_MODEL_LIBRARY_KEYS } from '@huggingface/tasks';

export const HUB_LIBRARY_IDS: ReadonlySet<string> = new Set<string>(ALL_MODEL_LIBRARY_KEYS);

/** Ticking an item off says nothing more: the body is an empty object, and any field in it is refused. */
export class CompleteActionItemDto {}

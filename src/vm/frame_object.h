// Python-visible frame objects (types.FrameType). A frame object refers to a
// live Frame while it runs; when the frame exits, the object keeps a snapshot
// of what Python code can still ask of it (code, line, locals, f_back).
#pragma once
#include "objects/object.h"

namespace spindle {

struct Code;
struct Frame;

extern Type frame_type;

Code* frame_object_code(Value fo);
Frame* frame_object_live(Value fo);  // null once the frame exited

}  // namespace spindle

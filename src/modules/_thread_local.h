// _thread._local (see _thread_local.cpp), for the _thread module.
#pragma once
#include "objects/object.h"

namespace spindle {

struct ThreadState;

extern Type local_type;
void local_type_ready();
// Drops the dicts the ending thread `t` has in every live local.
void release_thread_locals(ThreadState* t);

}  // namespace spindle

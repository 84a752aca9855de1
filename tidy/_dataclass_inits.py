"""The __init__ of each of tidy's dataclasses, compiled ahead (written by
scripts/dataclass_inits.py with Python 3.11; do not edit).

CODES maps each __init__ text `dataclasses` compiles (`def __create_fn__(...)`, the __init__
inside) to the code Python compiles from that very text, loaded from this module's .pyc:
tidy._dataclass_methods answers `dataclasses`' exec of such a text with it. A text not here is
compiled as before.
"""
# mypy: ignore-errors
# ruff: noqa
# fmt: off

PYTHON = '3.11'
CODES = {}

def __create_fn__(_type_min_share, _type_min_share_module_data, _type_giant_string_bytes, _type_giant_string_share, _type_window_bytes, _type_scrub_budget, _type_min_window, _type_top_bindings, _type_min_holder_bytes, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_min_share, _dflt_min_share_module_data, _dflt_giant_string_bytes, _dflt_giant_string_share, _dflt_window_bytes, _dflt_scrub_budget, _dflt_min_window, _dflt_top_bindings, _dflt_min_holder_bytes, _return_type):
 def __init__(self,min_share:_type_min_share=_dflt_min_share,min_share_module_data:_type_min_share_module_data=_dflt_min_share_module_data,giant_string_bytes:_type_giant_string_bytes=_dflt_giant_string_bytes,giant_string_share:_type_giant_string_share=_dflt_giant_string_share,window_bytes:_type_window_bytes=_dflt_window_bytes,scrub_budget:_type_scrub_budget=_dflt_scrub_budget,min_window:_type_min_window=_dflt_min_window,top_bindings:_type_top_bindings=_dflt_top_bindings,min_holder_bytes:_type_min_holder_bytes=_dflt_min_holder_bytes)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'min_share',min_share)
  __dataclass_builtins_object__.__setattr__(self,'min_share_module_data',min_share_module_data)
  __dataclass_builtins_object__.__setattr__(self,'giant_string_bytes',giant_string_bytes)
  __dataclass_builtins_object__.__setattr__(self,'giant_string_share',giant_string_share)
  __dataclass_builtins_object__.__setattr__(self,'window_bytes',window_bytes)
  __dataclass_builtins_object__.__setattr__(self,'scrub_budget',scrub_budget)
  __dataclass_builtins_object__.__setattr__(self,'min_window',min_window)
  __dataclass_builtins_object__.__setattr__(self,'top_bindings',top_bindings)
  __dataclass_builtins_object__.__setattr__(self,'min_holder_bytes',min_holder_bytes)
 return __init__
CODES["def __create_fn__(_type_min_share, _type_min_share_module_data, _type_giant_string_bytes, _type_giant_string_share, _type_window_bytes, _type_scrub_budget, _type_min_window, _type_top_bindings, _type_min_holder_bytes, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_min_share, _dflt_min_share_module_data, _dflt_giant_string_bytes, _dflt_giant_string_share, _dflt_window_bytes, _dflt_scrub_budget, _dflt_min_window, _dflt_top_bindings, _dflt_min_holder_bytes, _return_type):\n def __init__(self,min_share:_type_min_share=_dflt_min_share,min_share_module_data:_type_min_share_module_data=_dflt_min_share_module_data,giant_string_bytes:_type_giant_string_bytes=_dflt_giant_string_bytes,giant_string_share:_type_giant_string_share=_dflt_giant_string_share,window_bytes:_type_window_bytes=_dflt_window_bytes,scrub_budget:_type_scrub_budget=_dflt_scrub_budget,min_window:_type_min_window=_dflt_min_window,top_bindings:_type_top_bindings=_dflt_top_bindings,min_holder_bytes:_type_min_holder_bytes=_dflt_min_holder_bytes)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'min_share',min_share)\n  __dataclass_builtins_object__.__setattr__(self,'min_share_module_data',min_share_module_data)\n  __dataclass_builtins_object__.__setattr__(self,'giant_string_bytes',giant_string_bytes)\n  __dataclass_builtins_object__.__setattr__(self,'giant_string_share',giant_string_share)\n  __dataclass_builtins_object__.__setattr__(self,'window_bytes',window_bytes)\n  __dataclass_builtins_object__.__setattr__(self,'scrub_budget',scrub_budget)\n  __dataclass_builtins_object__.__setattr__(self,'min_window',min_window)\n  __dataclass_builtins_object__.__setattr__(self,'top_bindings',top_bindings)\n  __dataclass_builtins_object__.__setattr__(self,'min_holder_bytes',min_holder_bytes)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_name, _type_line, _type_end_line, _type_bytes, _type_kind, _type_scope, _type_pure, _type_calls, _type_names, _type_sampled, _type_content, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_calls, _dflt_names, _dflt_sampled, _dflt_content, _return_type):
 def __init__(self,name:_type_name,line:_type_line,end_line:_type_end_line,bytes:_type_bytes,kind:_type_kind,scope:_type_scope,pure:_type_pure,calls:_type_calls=_dflt_calls,names:_type_names=_dflt_names,sampled:_type_sampled=_dflt_sampled,content:_type_content=_dflt_content)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'name',name)
  __dataclass_builtins_object__.__setattr__(self,'line',line)
  __dataclass_builtins_object__.__setattr__(self,'end_line',end_line)
  __dataclass_builtins_object__.__setattr__(self,'bytes',bytes)
  __dataclass_builtins_object__.__setattr__(self,'kind',kind)
  __dataclass_builtins_object__.__setattr__(self,'scope',scope)
  __dataclass_builtins_object__.__setattr__(self,'pure',pure)
  __dataclass_builtins_object__.__setattr__(self,'calls',calls)
  __dataclass_builtins_object__.__setattr__(self,'names',names)
  __dataclass_builtins_object__.__setattr__(self,'sampled',sampled)
  __dataclass_builtins_object__.__setattr__(self,'content',content)
 return __init__
CODES["def __create_fn__(_type_name, _type_line, _type_end_line, _type_bytes, _type_kind, _type_scope, _type_pure, _type_calls, _type_names, _type_sampled, _type_content, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_calls, _dflt_names, _dflt_sampled, _dflt_content, _return_type):\n def __init__(self,name:_type_name,line:_type_line,end_line:_type_end_line,bytes:_type_bytes,kind:_type_kind,scope:_type_scope,pure:_type_pure,calls:_type_calls=_dflt_calls,names:_type_names=_dflt_names,sampled:_type_sampled=_dflt_sampled,content:_type_content=_dflt_content)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'name',name)\n  __dataclass_builtins_object__.__setattr__(self,'line',line)\n  __dataclass_builtins_object__.__setattr__(self,'end_line',end_line)\n  __dataclass_builtins_object__.__setattr__(self,'bytes',bytes)\n  __dataclass_builtins_object__.__setattr__(self,'kind',kind)\n  __dataclass_builtins_object__.__setattr__(self,'scope',scope)\n  __dataclass_builtins_object__.__setattr__(self,'pure',pure)\n  __dataclass_builtins_object__.__setattr__(self,'calls',calls)\n  __dataclass_builtins_object__.__setattr__(self,'names',names)\n  __dataclass_builtins_object__.__setattr__(self,'sampled',sampled)\n  __dataclass_builtins_object__.__setattr__(self,'content',content)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_size, _type_lines, _type_statement_bytes, _type_data_bytes, _type_string_bytes, _type_is_data, _type_bindings, _type_giant_strings, _type_shapes, _type_code_bytes, _type_gzip_ratio, _type_complete, _type_error, _type_own_classes, _type_own_object_bytes, _type_member_value_classes, _type_item_bytes, _type_branch_bytes, _type_held_bytes, _type_rebound_bytes, _type_refusal, _type_derived_bytes, _type_callee_origins, _type_version, _type_extra, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_bindings, _dflt_giant_strings, _dflt_shapes, _dflt_code_bytes, _dflt_gzip_ratio, _dflt_complete, _dflt_error, _dflt_own_classes, _dflt_own_object_bytes, _dflt_member_value_classes, _dflt_item_bytes, _dflt_branch_bytes, _dflt_held_bytes, _dflt_rebound_bytes, _dflt_refusal, _dflt_derived_bytes, _dflt_callee_origins, _dflt_version, _dflt_extra, _return_type):
 def __init__(self,size:_type_size,lines:_type_lines,statement_bytes:_type_statement_bytes,data_bytes:_type_data_bytes,string_bytes:_type_string_bytes,is_data:_type_is_data,bindings:_type_bindings=_dflt_bindings,giant_strings:_type_giant_strings=_dflt_giant_strings,shapes:_type_shapes=_dflt_shapes,code_bytes:_type_code_bytes=_dflt_code_bytes,gzip_ratio:_type_gzip_ratio=_dflt_gzip_ratio,complete:_type_complete=_dflt_complete,error:_type_error=_dflt_error,own_classes:_type_own_classes=_dflt_own_classes,own_object_bytes:_type_own_object_bytes=_dflt_own_object_bytes,member_value_classes:_type_member_value_classes=_dflt_member_value_classes,item_bytes:_type_item_bytes=_dflt_item_bytes,branch_bytes:_type_branch_bytes=_dflt_branch_bytes,held_bytes:_type_held_bytes=_dflt_held_bytes,rebound_bytes:_type_rebound_bytes=_dflt_rebound_bytes,refusal:_type_refusal=_dflt_refusal,derived_bytes:_type_derived_bytes=_dflt_derived_bytes,callee_origins:_type_callee_origins=_dflt_callee_origins,version:_type_version=_dflt_version,extra:_type_extra=_dflt_extra)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'size',size)
  __dataclass_builtins_object__.__setattr__(self,'lines',lines)
  __dataclass_builtins_object__.__setattr__(self,'statement_bytes',statement_bytes)
  __dataclass_builtins_object__.__setattr__(self,'data_bytes',data_bytes)
  __dataclass_builtins_object__.__setattr__(self,'string_bytes',string_bytes)
  __dataclass_builtins_object__.__setattr__(self,'is_data',is_data)
  __dataclass_builtins_object__.__setattr__(self,'bindings',bindings)
  __dataclass_builtins_object__.__setattr__(self,'giant_strings',giant_strings)
  __dataclass_builtins_object__.__setattr__(self,'shapes',shapes)
  __dataclass_builtins_object__.__setattr__(self,'code_bytes',code_bytes)
  __dataclass_builtins_object__.__setattr__(self,'gzip_ratio',gzip_ratio)
  __dataclass_builtins_object__.__setattr__(self,'complete',complete)
  __dataclass_builtins_object__.__setattr__(self,'error',error)
  __dataclass_builtins_object__.__setattr__(self,'own_classes',own_classes)
  __dataclass_builtins_object__.__setattr__(self,'own_object_bytes',own_object_bytes)
  __dataclass_builtins_object__.__setattr__(self,'member_value_classes',member_value_classes)
  __dataclass_builtins_object__.__setattr__(self,'item_bytes',item_bytes)
  __dataclass_builtins_object__.__setattr__(self,'branch_bytes',branch_bytes)
  __dataclass_builtins_object__.__setattr__(self,'held_bytes',held_bytes)
  __dataclass_builtins_object__.__setattr__(self,'rebound_bytes',rebound_bytes)
  __dataclass_builtins_object__.__setattr__(self,'refusal',refusal)
  __dataclass_builtins_object__.__setattr__(self,'derived_bytes',derived_bytes)
  __dataclass_builtins_object__.__setattr__(self,'callee_origins',callee_origins)
  __dataclass_builtins_object__.__setattr__(self,'version',version)
  __dataclass_builtins_object__.__setattr__(self,'extra',extra)
 return __init__
CODES["def __create_fn__(_type_size, _type_lines, _type_statement_bytes, _type_data_bytes, _type_string_bytes, _type_is_data, _type_bindings, _type_giant_strings, _type_shapes, _type_code_bytes, _type_gzip_ratio, _type_complete, _type_error, _type_own_classes, _type_own_object_bytes, _type_member_value_classes, _type_item_bytes, _type_branch_bytes, _type_held_bytes, _type_rebound_bytes, _type_refusal, _type_derived_bytes, _type_callee_origins, _type_version, _type_extra, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_bindings, _dflt_giant_strings, _dflt_shapes, _dflt_code_bytes, _dflt_gzip_ratio, _dflt_complete, _dflt_error, _dflt_own_classes, _dflt_own_object_bytes, _dflt_member_value_classes, _dflt_item_bytes, _dflt_branch_bytes, _dflt_held_bytes, _dflt_rebound_bytes, _dflt_refusal, _dflt_derived_bytes, _dflt_callee_origins, _dflt_version, _dflt_extra, _return_type):\n def __init__(self,size:_type_size,lines:_type_lines,statement_bytes:_type_statement_bytes,data_bytes:_type_data_bytes,string_bytes:_type_string_bytes,is_data:_type_is_data,bindings:_type_bindings=_dflt_bindings,giant_strings:_type_giant_strings=_dflt_giant_strings,shapes:_type_shapes=_dflt_shapes,code_bytes:_type_code_bytes=_dflt_code_bytes,gzip_ratio:_type_gzip_ratio=_dflt_gzip_ratio,complete:_type_complete=_dflt_complete,error:_type_error=_dflt_error,own_classes:_type_own_classes=_dflt_own_classes,own_object_bytes:_type_own_object_bytes=_dflt_own_object_bytes,member_value_classes:_type_member_value_classes=_dflt_member_value_classes,item_bytes:_type_item_bytes=_dflt_item_bytes,branch_bytes:_type_branch_bytes=_dflt_branch_bytes,held_bytes:_type_held_bytes=_dflt_held_bytes,rebound_bytes:_type_rebound_bytes=_dflt_rebound_bytes,refusal:_type_refusal=_dflt_refusal,derived_bytes:_type_derived_bytes=_dflt_derived_bytes,callee_origins:_type_callee_origins=_dflt_callee_origins,version:_type_version=_dflt_version,extra:_type_extra=_dflt_extra)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'size',size)\n  __dataclass_builtins_object__.__setattr__(self,'lines',lines)\n  __dataclass_builtins_object__.__setattr__(self,'statement_bytes',statement_bytes)\n  __dataclass_builtins_object__.__setattr__(self,'data_bytes',data_bytes)\n  __dataclass_builtins_object__.__setattr__(self,'string_bytes',string_bytes)\n  __dataclass_builtins_object__.__setattr__(self,'is_data',is_data)\n  __dataclass_builtins_object__.__setattr__(self,'bindings',bindings)\n  __dataclass_builtins_object__.__setattr__(self,'giant_strings',giant_strings)\n  __dataclass_builtins_object__.__setattr__(self,'shapes',shapes)\n  __dataclass_builtins_object__.__setattr__(self,'code_bytes',code_bytes)\n  __dataclass_builtins_object__.__setattr__(self,'gzip_ratio',gzip_ratio)\n  __dataclass_builtins_object__.__setattr__(self,'complete',complete)\n  __dataclass_builtins_object__.__setattr__(self,'error',error)\n  __dataclass_builtins_object__.__setattr__(self,'own_classes',own_classes)\n  __dataclass_builtins_object__.__setattr__(self,'own_object_bytes',own_object_bytes)\n  __dataclass_builtins_object__.__setattr__(self,'member_value_classes',member_value_classes)\n  __dataclass_builtins_object__.__setattr__(self,'item_bytes',item_bytes)\n  __dataclass_builtins_object__.__setattr__(self,'branch_bytes',branch_bytes)\n  __dataclass_builtins_object__.__setattr__(self,'held_bytes',held_bytes)\n  __dataclass_builtins_object__.__setattr__(self,'rebound_bytes',rebound_bytes)\n  __dataclass_builtins_object__.__setattr__(self,'refusal',refusal)\n  __dataclass_builtins_object__.__setattr__(self,'derived_bytes',derived_bytes)\n  __dataclass_builtins_object__.__setattr__(self,'callee_origins',callee_origins)\n  __dataclass_builtins_object__.__setattr__(self,'version',version)\n  __dataclass_builtins_object__.__setattr__(self,'extra',extra)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_root, _type_tracked, _type_ignored_dirs, _type_ignored_files, _type_tracked_ignored, _type_state, _type_error, _type__tracked_set, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_tracked, _dflt_ignored_dirs, _dflt_ignored_files, _dflt_tracked_ignored, _dflt_state, _dflt_error, _dflt__tracked_set, _return_type):
 def __init__(self,root:_type_root,tracked:_type_tracked=_dflt_tracked,ignored_dirs:_type_ignored_dirs=_dflt_ignored_dirs,ignored_files:_type_ignored_files=_dflt_ignored_files,tracked_ignored:_type_tracked_ignored=_dflt_tracked_ignored,state:_type_state=_dflt_state,error:_type_error=_dflt_error,_tracked_set:_type__tracked_set=_dflt__tracked_set)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'root',root)
  __dataclass_builtins_object__.__setattr__(self,'tracked',tracked)
  __dataclass_builtins_object__.__setattr__(self,'ignored_dirs',ignored_dirs)
  __dataclass_builtins_object__.__setattr__(self,'ignored_files',ignored_files)
  __dataclass_builtins_object__.__setattr__(self,'tracked_ignored',tracked_ignored)
  __dataclass_builtins_object__.__setattr__(self,'state',state)
  __dataclass_builtins_object__.__setattr__(self,'error',error)
  __dataclass_builtins_object__.__setattr__(self,'_tracked_set',_tracked_set)
 return __init__
CODES["def __create_fn__(_type_root, _type_tracked, _type_ignored_dirs, _type_ignored_files, _type_tracked_ignored, _type_state, _type_error, _type__tracked_set, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_tracked, _dflt_ignored_dirs, _dflt_ignored_files, _dflt_tracked_ignored, _dflt_state, _dflt_error, _dflt__tracked_set, _return_type):\n def __init__(self,root:_type_root,tracked:_type_tracked=_dflt_tracked,ignored_dirs:_type_ignored_dirs=_dflt_ignored_dirs,ignored_files:_type_ignored_files=_dflt_ignored_files,tracked_ignored:_type_tracked_ignored=_dflt_tracked_ignored,state:_type_state=_dflt_state,error:_type_error=_dflt_error,_tracked_set:_type__tracked_set=_dflt__tracked_set)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'root',root)\n  __dataclass_builtins_object__.__setattr__(self,'tracked',tracked)\n  __dataclass_builtins_object__.__setattr__(self,'ignored_dirs',ignored_dirs)\n  __dataclass_builtins_object__.__setattr__(self,'ignored_files',ignored_files)\n  __dataclass_builtins_object__.__setattr__(self,'tracked_ignored',tracked_ignored)\n  __dataclass_builtins_object__.__setattr__(self,'state',state)\n  __dataclass_builtins_object__.__setattr__(self,'error',error)\n  __dataclass_builtins_object__.__setattr__(self,'_tracked_set',_tracked_set)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_entries, _type_notes, _type_blobs, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_entries, _dflt_notes, _dflt_blobs, _return_type):
 def __init__(self,entries:_type_entries=_HAS_DEFAULT_FACTORY,notes:_type_notes=_HAS_DEFAULT_FACTORY,blobs:_type_blobs=_HAS_DEFAULT_FACTORY)->_return_type:
  self.entries=_dflt_entries() if entries is _HAS_DEFAULT_FACTORY else entries
  self.notes=_dflt_notes() if notes is _HAS_DEFAULT_FACTORY else notes
  self.blobs=_dflt_blobs() if blobs is _HAS_DEFAULT_FACTORY else blobs
 return __init__
CODES['def __create_fn__(_type_entries, _type_notes, _type_blobs, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_entries, _dflt_notes, _dflt_blobs, _return_type):\n def __init__(self,entries:_type_entries=_HAS_DEFAULT_FACTORY,notes:_type_notes=_HAS_DEFAULT_FACTORY,blobs:_type_blobs=_HAS_DEFAULT_FACTORY)->_return_type:\n  self.entries=_dflt_entries() if entries is _HAS_DEFAULT_FACTORY else entries\n  self.notes=_dflt_notes() if notes is _HAS_DEFAULT_FACTORY else notes\n  self.blobs=_dflt_blobs() if blobs is _HAS_DEFAULT_FACTORY else blobs\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_needles, _type_known, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_known, _return_type):
 def __init__(self,needles:_type_needles,known:_type_known=_HAS_DEFAULT_FACTORY)->_return_type:
  self.needles=needles
  self.known=_dflt_known() if known is _HAS_DEFAULT_FACTORY else known
 return __init__
CODES['def __create_fn__(_type_needles, _type_known, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_known, _return_type):\n def __init__(self,needles:_type_needles,known:_type_known=_HAS_DEFAULT_FACTORY)->_return_type:\n  self.needles=needles\n  self.known=_dflt_known() if known is _HAS_DEFAULT_FACTORY else known\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_commits, _type_noted, _type_blobs_read, _type_listings, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_commits, _dflt_noted, _dflt_blobs_read, _dflt_listings, _return_type):
 def __init__(self,commits:_type_commits=_HAS_DEFAULT_FACTORY,noted:_type_noted=_HAS_DEFAULT_FACTORY,blobs_read:_type_blobs_read=_dflt_blobs_read,listings:_type_listings=_dflt_listings)->_return_type:
  self.commits=_dflt_commits() if commits is _HAS_DEFAULT_FACTORY else commits
  self.noted=_dflt_noted() if noted is _HAS_DEFAULT_FACTORY else noted
  self.blobs_read=blobs_read
  self.listings=listings
 return __init__
CODES['def __create_fn__(_type_commits, _type_noted, _type_blobs_read, _type_listings, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_commits, _dflt_noted, _dflt_blobs_read, _dflt_listings, _return_type):\n def __init__(self,commits:_type_commits=_HAS_DEFAULT_FACTORY,noted:_type_noted=_HAS_DEFAULT_FACTORY,blobs_read:_type_blobs_read=_dflt_blobs_read,listings:_type_listings=_dflt_listings)->_return_type:\n  self.commits=_dflt_commits() if commits is _HAS_DEFAULT_FACTORY else commits\n  self.noted=_dflt_noted() if noted is _HAS_DEFAULT_FACTORY else noted\n  self.blobs_read=blobs_read\n  self.listings=listings\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_name, _type_ecosystem, _type_type, _type_names, _type_globs, _type_tier, _type_markers, _type_inside, _type_signature, _type_safe, _type_regenerate, _type_why, _type_home, _type_clean, _type_only, _type_declared, _type_with_kinds, _type_sources, _type_built_from, _type_every_file, _type_header, _type_listed_by, _type_absent, _type_wrapped_by, _type_parent, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_home, _dflt_clean, _dflt_only, _dflt_declared, _dflt_with_kinds, _dflt_sources, _dflt_built_from, _dflt_every_file, _dflt_header, _dflt_listed_by, _dflt_absent, _dflt_wrapped_by, _dflt_parent, _return_type):
 def __init__(self,name:_type_name,ecosystem:_type_ecosystem,type:_type_type,names:_type_names,globs:_type_globs,tier:_type_tier,markers:_type_markers,inside:_type_inside,signature:_type_signature,safe:_type_safe,regenerate:_type_regenerate,why:_type_why,home:_type_home=_dflt_home,clean:_type_clean=_dflt_clean,only:_type_only=_dflt_only,declared:_type_declared=_dflt_declared,with_kinds:_type_with_kinds=_dflt_with_kinds,sources:_type_sources=_dflt_sources,built_from:_type_built_from=_dflt_built_from,every_file:_type_every_file=_dflt_every_file,header:_type_header=_dflt_header,listed_by:_type_listed_by=_dflt_listed_by,absent:_type_absent=_dflt_absent,wrapped_by:_type_wrapped_by=_dflt_wrapped_by,parent:_type_parent=_dflt_parent)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'name',name)
  __dataclass_builtins_object__.__setattr__(self,'ecosystem',ecosystem)
  __dataclass_builtins_object__.__setattr__(self,'type',type)
  __dataclass_builtins_object__.__setattr__(self,'names',names)
  __dataclass_builtins_object__.__setattr__(self,'globs',globs)
  __dataclass_builtins_object__.__setattr__(self,'tier',tier)
  __dataclass_builtins_object__.__setattr__(self,'markers',markers)
  __dataclass_builtins_object__.__setattr__(self,'inside',inside)
  __dataclass_builtins_object__.__setattr__(self,'signature',signature)
  __dataclass_builtins_object__.__setattr__(self,'safe',safe)
  __dataclass_builtins_object__.__setattr__(self,'regenerate',regenerate)
  __dataclass_builtins_object__.__setattr__(self,'why',why)
  __dataclass_builtins_object__.__setattr__(self,'home',home)
  __dataclass_builtins_object__.__setattr__(self,'clean',clean)
  __dataclass_builtins_object__.__setattr__(self,'only',only)
  __dataclass_builtins_object__.__setattr__(self,'declared',declared)
  __dataclass_builtins_object__.__setattr__(self,'with_kinds',with_kinds)
  __dataclass_builtins_object__.__setattr__(self,'sources',sources)
  __dataclass_builtins_object__.__setattr__(self,'built_from',built_from)
  __dataclass_builtins_object__.__setattr__(self,'every_file',every_file)
  __dataclass_builtins_object__.__setattr__(self,'header',header)
  __dataclass_builtins_object__.__setattr__(self,'listed_by',listed_by)
  __dataclass_builtins_object__.__setattr__(self,'absent',absent)
  __dataclass_builtins_object__.__setattr__(self,'wrapped_by',wrapped_by)
  __dataclass_builtins_object__.__setattr__(self,'parent',parent)
 return __init__
CODES["def __create_fn__(_type_name, _type_ecosystem, _type_type, _type_names, _type_globs, _type_tier, _type_markers, _type_inside, _type_signature, _type_safe, _type_regenerate, _type_why, _type_home, _type_clean, _type_only, _type_declared, _type_with_kinds, _type_sources, _type_built_from, _type_every_file, _type_header, _type_listed_by, _type_absent, _type_wrapped_by, _type_parent, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_home, _dflt_clean, _dflt_only, _dflt_declared, _dflt_with_kinds, _dflt_sources, _dflt_built_from, _dflt_every_file, _dflt_header, _dflt_listed_by, _dflt_absent, _dflt_wrapped_by, _dflt_parent, _return_type):\n def __init__(self,name:_type_name,ecosystem:_type_ecosystem,type:_type_type,names:_type_names,globs:_type_globs,tier:_type_tier,markers:_type_markers,inside:_type_inside,signature:_type_signature,safe:_type_safe,regenerate:_type_regenerate,why:_type_why,home:_type_home=_dflt_home,clean:_type_clean=_dflt_clean,only:_type_only=_dflt_only,declared:_type_declared=_dflt_declared,with_kinds:_type_with_kinds=_dflt_with_kinds,sources:_type_sources=_dflt_sources,built_from:_type_built_from=_dflt_built_from,every_file:_type_every_file=_dflt_every_file,header:_type_header=_dflt_header,listed_by:_type_listed_by=_dflt_listed_by,absent:_type_absent=_dflt_absent,wrapped_by:_type_wrapped_by=_dflt_wrapped_by,parent:_type_parent=_dflt_parent)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'name',name)\n  __dataclass_builtins_object__.__setattr__(self,'ecosystem',ecosystem)\n  __dataclass_builtins_object__.__setattr__(self,'type',type)\n  __dataclass_builtins_object__.__setattr__(self,'names',names)\n  __dataclass_builtins_object__.__setattr__(self,'globs',globs)\n  __dataclass_builtins_object__.__setattr__(self,'tier',tier)\n  __dataclass_builtins_object__.__setattr__(self,'markers',markers)\n  __dataclass_builtins_object__.__setattr__(self,'inside',inside)\n  __dataclass_builtins_object__.__setattr__(self,'signature',signature)\n  __dataclass_builtins_object__.__setattr__(self,'safe',safe)\n  __dataclass_builtins_object__.__setattr__(self,'regenerate',regenerate)\n  __dataclass_builtins_object__.__setattr__(self,'why',why)\n  __dataclass_builtins_object__.__setattr__(self,'home',home)\n  __dataclass_builtins_object__.__setattr__(self,'clean',clean)\n  __dataclass_builtins_object__.__setattr__(self,'only',only)\n  __dataclass_builtins_object__.__setattr__(self,'declared',declared)\n  __dataclass_builtins_object__.__setattr__(self,'with_kinds',with_kinds)\n  __dataclass_builtins_object__.__setattr__(self,'sources',sources)\n  __dataclass_builtins_object__.__setattr__(self,'built_from',built_from)\n  __dataclass_builtins_object__.__setattr__(self,'every_file',every_file)\n  __dataclass_builtins_object__.__setattr__(self,'header',header)\n  __dataclass_builtins_object__.__setattr__(self,'listed_by',listed_by)\n  __dataclass_builtins_object__.__setattr__(self,'absent',absent)\n  __dataclass_builtins_object__.__setattr__(self,'wrapped_by',wrapped_by)\n  __dataclass_builtins_object__.__setattr__(self,'parent',parent)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_read, _type_holds, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,read:_type_read,holds:_type_holds)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'read',read)
  __dataclass_builtins_object__.__setattr__(self,'holds',holds)
 return __init__
CODES["def __create_fn__(_type_read, _type_holds, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,read:_type_read,holds:_type_holds)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'read',read)\n  __dataclass_builtins_object__.__setattr__(self,'holds',holds)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_apparent, _type_disk, _type_files, _type_dirs, _type_newest_mtime, _type_linked_out, _type_linked_out_disk, _type_linked_out_files, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_apparent, _dflt_disk, _dflt_files, _dflt_dirs, _dflt_newest_mtime, _dflt_linked_out, _dflt_linked_out_disk, _dflt_linked_out_files, _return_type):
 def __init__(self,apparent:_type_apparent=_dflt_apparent,disk:_type_disk=_dflt_disk,files:_type_files=_dflt_files,dirs:_type_dirs=_dflt_dirs,newest_mtime:_type_newest_mtime=_dflt_newest_mtime,linked_out:_type_linked_out=_dflt_linked_out,linked_out_disk:_type_linked_out_disk=_dflt_linked_out_disk,linked_out_files:_type_linked_out_files=_dflt_linked_out_files)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'apparent',apparent)
  __dataclass_builtins_object__.__setattr__(self,'disk',disk)
  __dataclass_builtins_object__.__setattr__(self,'files',files)
  __dataclass_builtins_object__.__setattr__(self,'dirs',dirs)
  __dataclass_builtins_object__.__setattr__(self,'newest_mtime',newest_mtime)
  __dataclass_builtins_object__.__setattr__(self,'linked_out',linked_out)
  __dataclass_builtins_object__.__setattr__(self,'linked_out_disk',linked_out_disk)
  __dataclass_builtins_object__.__setattr__(self,'linked_out_files',linked_out_files)
 return __init__
CODES["def __create_fn__(_type_apparent, _type_disk, _type_files, _type_dirs, _type_newest_mtime, _type_linked_out, _type_linked_out_disk, _type_linked_out_files, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_apparent, _dflt_disk, _dflt_files, _dflt_dirs, _dflt_newest_mtime, _dflt_linked_out, _dflt_linked_out_disk, _dflt_linked_out_files, _return_type):\n def __init__(self,apparent:_type_apparent=_dflt_apparent,disk:_type_disk=_dflt_disk,files:_type_files=_dflt_files,dirs:_type_dirs=_dflt_dirs,newest_mtime:_type_newest_mtime=_dflt_newest_mtime,linked_out:_type_linked_out=_dflt_linked_out,linked_out_disk:_type_linked_out_disk=_dflt_linked_out_disk,linked_out_files:_type_linked_out_files=_dflt_linked_out_files)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'apparent',apparent)\n  __dataclass_builtins_object__.__setattr__(self,'disk',disk)\n  __dataclass_builtins_object__.__setattr__(self,'files',files)\n  __dataclass_builtins_object__.__setattr__(self,'dirs',dirs)\n  __dataclass_builtins_object__.__setattr__(self,'newest_mtime',newest_mtime)\n  __dataclass_builtins_object__.__setattr__(self,'linked_out',linked_out)\n  __dataclass_builtins_object__.__setattr__(self,'linked_out_disk',linked_out_disk)\n  __dataclass_builtins_object__.__setattr__(self,'linked_out_files',linked_out_files)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_files, _type_bytes, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_files, _dflt_bytes, _return_type):
 def __init__(self,files:_type_files=_dflt_files,bytes:_type_bytes=_dflt_bytes)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'files',files)
  __dataclass_builtins_object__.__setattr__(self,'bytes',bytes)
 return __init__
CODES["def __create_fn__(_type_files, _type_bytes, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_files, _dflt_bytes, _return_type):\n def __init__(self,files:_type_files=_dflt_files,bytes:_type_bytes=_dflt_bytes)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'files',files)\n  __dataclass_builtins_object__.__setattr__(self,'bytes',bytes)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_action, _type_applicability, _type_description, _type_blocked_by, _type_ships, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_blocked_by, _dflt_ships, _return_type):
 def __init__(self,action:_type_action,applicability:_type_applicability,description:_type_description,blocked_by:_type_blocked_by=_dflt_blocked_by,ships:_type_ships=_dflt_ships)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'action',action)
  __dataclass_builtins_object__.__setattr__(self,'applicability',applicability)
  __dataclass_builtins_object__.__setattr__(self,'description',description)
  __dataclass_builtins_object__.__setattr__(self,'blocked_by',blocked_by)
  __dataclass_builtins_object__.__setattr__(self,'ships',ships)
 return __init__
CODES["def __create_fn__(_type_action, _type_applicability, _type_description, _type_blocked_by, _type_ships, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_blocked_by, _dflt_ships, _return_type):\n def __init__(self,action:_type_action,applicability:_type_applicability,description:_type_description,blocked_by:_type_blocked_by=_dflt_blocked_by,ships:_type_ships=_dflt_ships)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'action',action)\n  __dataclass_builtins_object__.__setattr__(self,'applicability',applicability)\n  __dataclass_builtins_object__.__setattr__(self,'description',description)\n  __dataclass_builtins_object__.__setattr__(self,'blocked_by',blocked_by)\n  __dataclass_builtins_object__.__setattr__(self,'ships',ships)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_code, _type_rule, _type_path, _type_message, _type_kind, _type_ecosystem, _type_size, _type_surface, _type_tracked, _type_ignored, _type_fix, _type_fails, _type_activity, _type_details, _type_anchor, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_kind, _dflt_ecosystem, _dflt_size, _dflt_surface, _dflt_tracked, _dflt_ignored, _dflt_fix, _dflt_fails, _dflt_activity, _dflt_details, _dflt_anchor, _return_type):
 def __init__(self,code:_type_code,rule:_type_rule,path:_type_path,message:_type_message,kind:_type_kind=_dflt_kind,ecosystem:_type_ecosystem=_dflt_ecosystem,size:_type_size=_dflt_size,surface:_type_surface=_dflt_surface,tracked:_type_tracked=_dflt_tracked,ignored:_type_ignored=_dflt_ignored,fix:_type_fix=_dflt_fix,fails:_type_fails=_dflt_fails,activity:_type_activity=_dflt_activity,details:_type_details=_dflt_details,anchor:_type_anchor=_dflt_anchor)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'code',code)
  __dataclass_builtins_object__.__setattr__(self,'rule',rule)
  __dataclass_builtins_object__.__setattr__(self,'path',path)
  __dataclass_builtins_object__.__setattr__(self,'message',message)
  __dataclass_builtins_object__.__setattr__(self,'kind',kind)
  __dataclass_builtins_object__.__setattr__(self,'ecosystem',ecosystem)
  __dataclass_builtins_object__.__setattr__(self,'size',size)
  __dataclass_builtins_object__.__setattr__(self,'surface',surface)
  __dataclass_builtins_object__.__setattr__(self,'tracked',tracked)
  __dataclass_builtins_object__.__setattr__(self,'ignored',ignored)
  __dataclass_builtins_object__.__setattr__(self,'fix',fix)
  __dataclass_builtins_object__.__setattr__(self,'fails',fails)
  __dataclass_builtins_object__.__setattr__(self,'activity',activity)
  __dataclass_builtins_object__.__setattr__(self,'details',details)
  __dataclass_builtins_object__.__setattr__(self,'anchor',anchor)
 return __init__
CODES["def __create_fn__(_type_code, _type_rule, _type_path, _type_message, _type_kind, _type_ecosystem, _type_size, _type_surface, _type_tracked, _type_ignored, _type_fix, _type_fails, _type_activity, _type_details, _type_anchor, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_kind, _dflt_ecosystem, _dflt_size, _dflt_surface, _dflt_tracked, _dflt_ignored, _dflt_fix, _dflt_fails, _dflt_activity, _dflt_details, _dflt_anchor, _return_type):\n def __init__(self,code:_type_code,rule:_type_rule,path:_type_path,message:_type_message,kind:_type_kind=_dflt_kind,ecosystem:_type_ecosystem=_dflt_ecosystem,size:_type_size=_dflt_size,surface:_type_surface=_dflt_surface,tracked:_type_tracked=_dflt_tracked,ignored:_type_ignored=_dflt_ignored,fix:_type_fix=_dflt_fix,fails:_type_fails=_dflt_fails,activity:_type_activity=_dflt_activity,details:_type_details=_dflt_details,anchor:_type_anchor=_dflt_anchor)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'code',code)\n  __dataclass_builtins_object__.__setattr__(self,'rule',rule)\n  __dataclass_builtins_object__.__setattr__(self,'path',path)\n  __dataclass_builtins_object__.__setattr__(self,'message',message)\n  __dataclass_builtins_object__.__setattr__(self,'kind',kind)\n  __dataclass_builtins_object__.__setattr__(self,'ecosystem',ecosystem)\n  __dataclass_builtins_object__.__setattr__(self,'size',size)\n  __dataclass_builtins_object__.__setattr__(self,'surface',surface)\n  __dataclass_builtins_object__.__setattr__(self,'tracked',tracked)\n  __dataclass_builtins_object__.__setattr__(self,'ignored',ignored)\n  __dataclass_builtins_object__.__setattr__(self,'fix',fix)\n  __dataclass_builtins_object__.__setattr__(self,'fails',fails)\n  __dataclass_builtins_object__.__setattr__(self,'activity',activity)\n  __dataclass_builtins_object__.__setattr__(self,'details',details)\n  __dataclass_builtins_object__.__setattr__(self,'anchor',anchor)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_path, _type_line, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_line, _return_type):
 def __init__(self,path:_type_path,line:_type_line=_dflt_line)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'path',path)
  __dataclass_builtins_object__.__setattr__(self,'line',line)
 return __init__
CODES["def __create_fn__(_type_path, _type_line, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_line, _return_type):\n def __init__(self,path:_type_path,line:_type_line=_dflt_line)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'path',path)\n  __dataclass_builtins_object__.__setattr__(self,'line',line)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_path, _type_reason, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,path:_type_path,reason:_type_reason)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'path',path)
  __dataclass_builtins_object__.__setattr__(self,'reason',reason)
 return __init__
CODES["def __create_fn__(_type_path, _type_reason, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,path:_type_path,reason:_type_reason)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'path',path)\n  __dataclass_builtins_object__.__setattr__(self,'reason',reason)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_root, _type_label, _type_is_repo, _type_findings, _type_scanned, _type_surface_before, _type_surface_after, _type_reclaimable, _type_notes, _type_layout, _type_tracked, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_notes, _dflt_layout, _dflt_tracked, _return_type):
 def __init__(self,root:_type_root,label:_type_label,is_repo:_type_is_repo,findings:_type_findings,scanned:_type_scanned,surface_before:_type_surface_before,surface_after:_type_surface_after,reclaimable:_type_reclaimable,notes:_type_notes=_dflt_notes,layout:_type_layout=_dflt_layout,tracked:_type_tracked=_dflt_tracked)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'root',root)
  __dataclass_builtins_object__.__setattr__(self,'label',label)
  __dataclass_builtins_object__.__setattr__(self,'is_repo',is_repo)
  __dataclass_builtins_object__.__setattr__(self,'findings',findings)
  __dataclass_builtins_object__.__setattr__(self,'scanned',scanned)
  __dataclass_builtins_object__.__setattr__(self,'surface_before',surface_before)
  __dataclass_builtins_object__.__setattr__(self,'surface_after',surface_after)
  __dataclass_builtins_object__.__setattr__(self,'reclaimable',reclaimable)
  __dataclass_builtins_object__.__setattr__(self,'notes',notes)
  __dataclass_builtins_object__.__setattr__(self,'layout',layout)
  __dataclass_builtins_object__.__setattr__(self,'tracked',tracked)
 return __init__
CODES["def __create_fn__(_type_root, _type_label, _type_is_repo, _type_findings, _type_scanned, _type_surface_before, _type_surface_after, _type_reclaimable, _type_notes, _type_layout, _type_tracked, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_notes, _dflt_layout, _dflt_tracked, _return_type):\n def __init__(self,root:_type_root,label:_type_label,is_repo:_type_is_repo,findings:_type_findings,scanned:_type_scanned,surface_before:_type_surface_before,surface_after:_type_surface_after,reclaimable:_type_reclaimable,notes:_type_notes=_dflt_notes,layout:_type_layout=_dflt_layout,tracked:_type_tracked=_dflt_tracked)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'root',root)\n  __dataclass_builtins_object__.__setattr__(self,'label',label)\n  __dataclass_builtins_object__.__setattr__(self,'is_repo',is_repo)\n  __dataclass_builtins_object__.__setattr__(self,'findings',findings)\n  __dataclass_builtins_object__.__setattr__(self,'scanned',scanned)\n  __dataclass_builtins_object__.__setattr__(self,'surface_before',surface_before)\n  __dataclass_builtins_object__.__setattr__(self,'surface_after',surface_after)\n  __dataclass_builtins_object__.__setattr__(self,'reclaimable',reclaimable)\n  __dataclass_builtins_object__.__setattr__(self,'notes',notes)\n  __dataclass_builtins_object__.__setattr__(self,'layout',layout)\n  __dataclass_builtins_object__.__setattr__(self,'tracked',tracked)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_roots, _type_groups, _type_skipped, _type_warnings, _type_hidden_kinds, _type_duration_s, _type_extra, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_skipped, _dflt_warnings, _dflt_hidden_kinds, _dflt_duration_s, _dflt_extra, _return_type):
 def __init__(self,roots:_type_roots,groups:_type_groups,skipped:_type_skipped=_dflt_skipped,warnings:_type_warnings=_dflt_warnings,hidden_kinds:_type_hidden_kinds=_dflt_hidden_kinds,duration_s:_type_duration_s=_dflt_duration_s,extra:_type_extra=_HAS_DEFAULT_FACTORY)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'roots',roots)
  __dataclass_builtins_object__.__setattr__(self,'groups',groups)
  __dataclass_builtins_object__.__setattr__(self,'skipped',skipped)
  __dataclass_builtins_object__.__setattr__(self,'warnings',warnings)
  __dataclass_builtins_object__.__setattr__(self,'hidden_kinds',hidden_kinds)
  __dataclass_builtins_object__.__setattr__(self,'duration_s',duration_s)
  __dataclass_builtins_object__.__setattr__(self,'extra',_dflt_extra() if extra is _HAS_DEFAULT_FACTORY else extra)
 return __init__
CODES["def __create_fn__(_type_roots, _type_groups, _type_skipped, _type_warnings, _type_hidden_kinds, _type_duration_s, _type_extra, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_skipped, _dflt_warnings, _dflt_hidden_kinds, _dflt_duration_s, _dflt_extra, _return_type):\n def __init__(self,roots:_type_roots,groups:_type_groups,skipped:_type_skipped=_dflt_skipped,warnings:_type_warnings=_dflt_warnings,hidden_kinds:_type_hidden_kinds=_dflt_hidden_kinds,duration_s:_type_duration_s=_dflt_duration_s,extra:_type_extra=_HAS_DEFAULT_FACTORY)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'roots',roots)\n  __dataclass_builtins_object__.__setattr__(self,'groups',groups)\n  __dataclass_builtins_object__.__setattr__(self,'skipped',skipped)\n  __dataclass_builtins_object__.__setattr__(self,'warnings',warnings)\n  __dataclass_builtins_object__.__setattr__(self,'hidden_kinds',hidden_kinds)\n  __dataclass_builtins_object__.__setattr__(self,'duration_s',duration_s)\n  __dataclass_builtins_object__.__setattr__(self,'extra',_dflt_extra() if extra is _HAS_DEFAULT_FACTORY else extra)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_dev, _type_ino, _type_size, _type_blocks, _type_mtime, _type_regular, _type_surface_dir, _type_nlink, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,dev:_type_dev,ino:_type_ino,size:_type_size,blocks:_type_blocks,mtime:_type_mtime,regular:_type_regular,surface_dir:_type_surface_dir,nlink:_type_nlink)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'dev',dev)
  __dataclass_builtins_object__.__setattr__(self,'ino',ino)
  __dataclass_builtins_object__.__setattr__(self,'size',size)
  __dataclass_builtins_object__.__setattr__(self,'blocks',blocks)
  __dataclass_builtins_object__.__setattr__(self,'mtime',mtime)
  __dataclass_builtins_object__.__setattr__(self,'regular',regular)
  __dataclass_builtins_object__.__setattr__(self,'surface_dir',surface_dir)
  __dataclass_builtins_object__.__setattr__(self,'nlink',nlink)
 return __init__
CODES["def __create_fn__(_type_dev, _type_ino, _type_size, _type_blocks, _type_mtime, _type_regular, _type_surface_dir, _type_nlink, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,dev:_type_dev,ino:_type_ino,size:_type_size,blocks:_type_blocks,mtime:_type_mtime,regular:_type_regular,surface_dir:_type_surface_dir,nlink:_type_nlink)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'dev',dev)\n  __dataclass_builtins_object__.__setattr__(self,'ino',ino)\n  __dataclass_builtins_object__.__setattr__(self,'size',size)\n  __dataclass_builtins_object__.__setattr__(self,'blocks',blocks)\n  __dataclass_builtins_object__.__setattr__(self,'mtime',mtime)\n  __dataclass_builtins_object__.__setattr__(self,'regular',regular)\n  __dataclass_builtins_object__.__setattr__(self,'surface_dir',surface_dir)\n  __dataclass_builtins_object__.__setattr__(self,'nlink',nlink)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_apparent, _type_blocks, _type_files, _type_dirs, _type_newest, _type_surface, _type_skipped, _type_links, _type_gitignore_dirs, _type_vcs_markers, _type_entries, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_apparent, _dflt_blocks, _dflt_files, _dflt_dirs, _dflt_newest, _dflt_surface, _dflt_skipped, _dflt_links, _dflt_gitignore_dirs, _dflt_vcs_markers, _dflt_entries, _return_type):
 def __init__(self,apparent:_type_apparent=_dflt_apparent,blocks:_type_blocks=_dflt_blocks,files:_type_files=_dflt_files,dirs:_type_dirs=_dflt_dirs,newest:_type_newest=_dflt_newest,surface:_type_surface=_HAS_DEFAULT_FACTORY,skipped:_type_skipped=_HAS_DEFAULT_FACTORY,links:_type_links=_HAS_DEFAULT_FACTORY,gitignore_dirs:_type_gitignore_dirs=_HAS_DEFAULT_FACTORY,vcs_markers:_type_vcs_markers=_HAS_DEFAULT_FACTORY,entries:_type_entries=_dflt_entries)->_return_type:
  self.apparent=apparent
  self.blocks=blocks
  self.files=files
  self.dirs=dirs
  self.newest=newest
  self.surface=_dflt_surface() if surface is _HAS_DEFAULT_FACTORY else surface
  self.skipped=_dflt_skipped() if skipped is _HAS_DEFAULT_FACTORY else skipped
  self.links=_dflt_links() if links is _HAS_DEFAULT_FACTORY else links
  self.gitignore_dirs=_dflt_gitignore_dirs() if gitignore_dirs is _HAS_DEFAULT_FACTORY else gitignore_dirs
  self.vcs_markers=_dflt_vcs_markers() if vcs_markers is _HAS_DEFAULT_FACTORY else vcs_markers
  self.entries=entries
 return __init__
CODES['def __create_fn__(_type_apparent, _type_blocks, _type_files, _type_dirs, _type_newest, _type_surface, _type_skipped, _type_links, _type_gitignore_dirs, _type_vcs_markers, _type_entries, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_apparent, _dflt_blocks, _dflt_files, _dflt_dirs, _dflt_newest, _dflt_surface, _dflt_skipped, _dflt_links, _dflt_gitignore_dirs, _dflt_vcs_markers, _dflt_entries, _return_type):\n def __init__(self,apparent:_type_apparent=_dflt_apparent,blocks:_type_blocks=_dflt_blocks,files:_type_files=_dflt_files,dirs:_type_dirs=_dflt_dirs,newest:_type_newest=_dflt_newest,surface:_type_surface=_HAS_DEFAULT_FACTORY,skipped:_type_skipped=_HAS_DEFAULT_FACTORY,links:_type_links=_HAS_DEFAULT_FACTORY,gitignore_dirs:_type_gitignore_dirs=_HAS_DEFAULT_FACTORY,vcs_markers:_type_vcs_markers=_HAS_DEFAULT_FACTORY,entries:_type_entries=_dflt_entries)->_return_type:\n  self.apparent=apparent\n  self.blocks=blocks\n  self.files=files\n  self.dirs=dirs\n  self.newest=newest\n  self.surface=_dflt_surface() if surface is _HAS_DEFAULT_FACTORY else surface\n  self.skipped=_dflt_skipped() if skipped is _HAS_DEFAULT_FACTORY else skipped\n  self.links=_dflt_links() if links is _HAS_DEFAULT_FACTORY else links\n  self.gitignore_dirs=_dflt_gitignore_dirs() if gitignore_dirs is _HAS_DEFAULT_FACTORY else gitignore_dirs\n  self.vcs_markers=_dflt_vcs_markers() if vcs_markers is _HAS_DEFAULT_FACTORY else vcs_markers\n  self.entries=entries\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_path, _type_mode, _type_sha, _type_size, _type_commit, _type_status, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_size, _dflt_commit, _dflt_status, _return_type):
 def __init__(self,path:_type_path,mode:_type_mode,sha:_type_sha,size:_type_size=_dflt_size,commit:_type_commit=_dflt_commit,status:_type_status=_dflt_status)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'path',path)
  __dataclass_builtins_object__.__setattr__(self,'mode',mode)
  __dataclass_builtins_object__.__setattr__(self,'sha',sha)
  __dataclass_builtins_object__.__setattr__(self,'size',size)
  __dataclass_builtins_object__.__setattr__(self,'commit',commit)
  __dataclass_builtins_object__.__setattr__(self,'status',status)
 return __init__
CODES["def __create_fn__(_type_path, _type_mode, _type_sha, _type_size, _type_commit, _type_status, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_size, _dflt_commit, _dflt_status, _return_type):\n def __init__(self,path:_type_path,mode:_type_mode,sha:_type_sha,size:_type_size=_dflt_size,commit:_type_commit=_dflt_commit,status:_type_status=_dflt_status)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'path',path)\n  __dataclass_builtins_object__.__setattr__(self,'mode',mode)\n  __dataclass_builtins_object__.__setattr__(self,'sha',sha)\n  __dataclass_builtins_object__.__setattr__(self,'size',size)\n  __dataclass_builtins_object__.__setattr__(self,'commit',commit)\n  __dataclass_builtins_object__.__setattr__(self,'status',status)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_oid, _type_size, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,oid:_type_oid,size:_type_size)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'oid',oid)
  __dataclass_builtins_object__.__setattr__(self,'size',size)
 return __init__
CODES["def __create_fn__(_type_oid, _type_size, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,oid:_type_oid,size:_type_size)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'oid',oid)\n  __dataclass_builtins_object__.__setattr__(self,'size',size)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_paths, _type_blob_ids, _type_blob_paths, _type_memo, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_blob_paths, _dflt_memo, _return_type):
 def __init__(self,paths:_type_paths,blob_ids:_type_blob_ids,blob_paths:_type_blob_paths=_dflt_blob_paths,memo:_type_memo=_dflt_memo)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'paths',paths)
  __dataclass_builtins_object__.__setattr__(self,'blob_ids',blob_ids)
  __dataclass_builtins_object__.__setattr__(self,'blob_paths',blob_paths)
  __dataclass_builtins_object__.__setattr__(self,'memo',memo)
 return __init__
CODES["def __create_fn__(_type_paths, _type_blob_ids, _type_blob_paths, _type_memo, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_blob_paths, _dflt_memo, _return_type):\n def __init__(self,paths:_type_paths,blob_ids:_type_blob_ids,blob_paths:_type_blob_paths=_dflt_blob_paths,memo:_type_memo=_dflt_memo)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'paths',paths)\n  __dataclass_builtins_object__.__setattr__(self,'blob_ids',blob_ids)\n  __dataclass_builtins_object__.__setattr__(self,'blob_paths',blob_paths)\n  __dataclass_builtins_object__.__setattr__(self,'memo',memo)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_data, _type_entries, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,data:_type_data,entries:_type_entries)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'data',data)
  __dataclass_builtins_object__.__setattr__(self,'entries',entries)
 return __init__
CODES["def __create_fn__(_type_data, _type_entries, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,data:_type_data,entries:_type_entries)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'data',data)\n  __dataclass_builtins_object__.__setattr__(self,'entries',entries)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_name, _type_suffixes, _type_min_size, _type_judge, _type_version, _type_sample, _type_eager, _type_load, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_sample, _dflt_eager, _dflt_load, _return_type):
 def __init__(self,name:_type_name,suffixes:_type_suffixes,min_size:_type_min_size,judge:_type_judge,version:_type_version,sample:_type_sample=_dflt_sample,eager:_type_eager=_dflt_eager,load:_type_load=_dflt_load)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'name',name)
  __dataclass_builtins_object__.__setattr__(self,'suffixes',suffixes)
  __dataclass_builtins_object__.__setattr__(self,'min_size',min_size)
  __dataclass_builtins_object__.__setattr__(self,'judge',judge)
  __dataclass_builtins_object__.__setattr__(self,'version',version)
  __dataclass_builtins_object__.__setattr__(self,'sample',sample)
  __dataclass_builtins_object__.__setattr__(self,'eager',eager)
  __dataclass_builtins_object__.__setattr__(self,'load',load)
 return __init__
CODES["def __create_fn__(_type_name, _type_suffixes, _type_min_size, _type_judge, _type_version, _type_sample, _type_eager, _type_load, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_sample, _dflt_eager, _dflt_load, _return_type):\n def __init__(self,name:_type_name,suffixes:_type_suffixes,min_size:_type_min_size,judge:_type_judge,version:_type_version,sample:_type_sample=_dflt_sample,eager:_type_eager=_dflt_eager,load:_type_load=_dflt_load)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'name',name)\n  __dataclass_builtins_object__.__setattr__(self,'suffixes',suffixes)\n  __dataclass_builtins_object__.__setattr__(self,'min_size',min_size)\n  __dataclass_builtins_object__.__setattr__(self,'judge',judge)\n  __dataclass_builtins_object__.__setattr__(self,'version',version)\n  __dataclass_builtins_object__.__setattr__(self,'sample',sample)\n  __dataclass_builtins_object__.__setattr__(self,'eager',eager)\n  __dataclass_builtins_object__.__setattr__(self,'load',load)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_patterns, _type_judges, _type_hash_min_size, _type_needles, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_patterns, _dflt_judges, _dflt_hash_min_size, _dflt_needles, _return_type):
 def __init__(self,patterns:_type_patterns=_dflt_patterns,judges:_type_judges=_dflt_judges,hash_min_size:_type_hash_min_size=_dflt_hash_min_size,needles:_type_needles=_dflt_needles)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'patterns',patterns)
  __dataclass_builtins_object__.__setattr__(self,'judges',judges)
  __dataclass_builtins_object__.__setattr__(self,'hash_min_size',hash_min_size)
  __dataclass_builtins_object__.__setattr__(self,'needles',needles)
 return __init__
CODES["def __create_fn__(_type_patterns, _type_judges, _type_hash_min_size, _type_needles, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_patterns, _dflt_judges, _dflt_hash_min_size, _dflt_needles, _return_type):\n def __init__(self,patterns:_type_patterns=_dflt_patterns,judges:_type_judges=_dflt_judges,hash_min_size:_type_hash_min_size=_dflt_hash_min_size,needles:_type_needles=_dflt_needles)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'patterns',patterns)\n  __dataclass_builtins_object__.__setattr__(self,'judges',judges)\n  __dataclass_builtins_object__.__setattr__(self,'hash_min_size',hash_min_size)\n  __dataclass_builtins_object__.__setattr__(self,'needles',needles)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_patterns, _type_files, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_patterns, _dflt_files, _return_type):
 def __init__(self,patterns:_type_patterns=_dflt_patterns,files:_type_files=_dflt_files)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'patterns',patterns)
  __dataclass_builtins_object__.__setattr__(self,'files',files)
 return __init__
CODES["def __create_fn__(_type_patterns, _type_files, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_patterns, _dflt_files, _return_type):\n def __init__(self,patterns:_type_patterns=_dflt_patterns,files:_type_files=_dflt_files)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'patterns',patterns)\n  __dataclass_builtins_object__.__setattr__(self,'files',files)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_files_read, _type_bytes_read, _type_hits, _type_seconds, _type_ids_from_index, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_files_read, _dflt_bytes_read, _dflt_hits, _dflt_seconds, _dflt_ids_from_index, _return_type):
 def __init__(self,files_read:_type_files_read=_dflt_files_read,bytes_read:_type_bytes_read=_dflt_bytes_read,hits:_type_hits=_dflt_hits,seconds:_type_seconds=_dflt_seconds,ids_from_index:_type_ids_from_index=_dflt_ids_from_index)->_return_type:
  self.files_read=files_read
  self.bytes_read=bytes_read
  self.hits=hits
  self.seconds=seconds
  self.ids_from_index=ids_from_index
 return __init__
CODES['def __create_fn__(_type_files_read, _type_bytes_read, _type_hits, _type_seconds, _type_ids_from_index, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_files_read, _dflt_bytes_read, _dflt_hits, _dflt_seconds, _dflt_ids_from_index, _return_type):\n def __init__(self,files_read:_type_files_read=_dflt_files_read,bytes_read:_type_bytes_read=_dflt_bytes_read,hits:_type_hits=_dflt_hits,seconds:_type_seconds=_dflt_seconds,ids_from_index:_type_ids_from_index=_dflt_ids_from_index)->_return_type:\n  self.files_read=files_read\n  self.bytes_read=bytes_read\n  self.hits=hits\n  self.seconds=seconds\n  self.ids_from_index=ids_from_index\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_entries, _type_stats, _type_notes, _type_blobs, _type_digests, _type_notes_unsaved, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_entries, _dflt_stats, _dflt_notes, _dflt_blobs, _dflt_digests, _dflt_notes_unsaved, _return_type):
 def __init__(self,entries:_type_entries=_HAS_DEFAULT_FACTORY,stats:_type_stats=_HAS_DEFAULT_FACTORY,notes:_type_notes=_HAS_DEFAULT_FACTORY,blobs:_type_blobs=_HAS_DEFAULT_FACTORY,digests:_type_digests=_HAS_DEFAULT_FACTORY,notes_unsaved:_type_notes_unsaved=_dflt_notes_unsaved)->_return_type:
  self.entries=_dflt_entries() if entries is _HAS_DEFAULT_FACTORY else entries
  self.stats=_dflt_stats() if stats is _HAS_DEFAULT_FACTORY else stats
  self.notes=_dflt_notes() if notes is _HAS_DEFAULT_FACTORY else notes
  self.blobs=_dflt_blobs() if blobs is _HAS_DEFAULT_FACTORY else blobs
  self.digests=_dflt_digests() if digests is _HAS_DEFAULT_FACTORY else digests
  self.notes_unsaved=notes_unsaved
 return __init__
CODES['def __create_fn__(_type_entries, _type_stats, _type_notes, _type_blobs, _type_digests, _type_notes_unsaved, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_entries, _dflt_stats, _dflt_notes, _dflt_blobs, _dflt_digests, _dflt_notes_unsaved, _return_type):\n def __init__(self,entries:_type_entries=_HAS_DEFAULT_FACTORY,stats:_type_stats=_HAS_DEFAULT_FACTORY,notes:_type_notes=_HAS_DEFAULT_FACTORY,blobs:_type_blobs=_HAS_DEFAULT_FACTORY,digests:_type_digests=_HAS_DEFAULT_FACTORY,notes_unsaved:_type_notes_unsaved=_dflt_notes_unsaved)->_return_type:\n  self.entries=_dflt_entries() if entries is _HAS_DEFAULT_FACTORY else entries\n  self.stats=_dflt_stats() if stats is _HAS_DEFAULT_FACTORY else stats\n  self.notes=_dflt_notes() if notes is _HAS_DEFAULT_FACTORY else notes\n  self.blobs=_dflt_blobs() if blobs is _HAS_DEFAULT_FACTORY else blobs\n  self.digests=_dflt_digests() if digests is _HAS_DEFAULT_FACTORY else digests\n  self.notes_unsaved=notes_unsaved\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_min_bytes, _type_min_average, _type_min_cores, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_min_bytes, _dflt_min_average, _dflt_min_cores, _return_type):
 def __init__(self,min_bytes:_type_min_bytes=_dflt_min_bytes,min_average:_type_min_average=_dflt_min_average,min_cores:_type_min_cores=_dflt_min_cores)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'min_bytes',min_bytes)
  __dataclass_builtins_object__.__setattr__(self,'min_average',min_average)
  __dataclass_builtins_object__.__setattr__(self,'min_cores',min_cores)
 return __init__
CODES["def __create_fn__(_type_min_bytes, _type_min_average, _type_min_cores, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_min_bytes, _dflt_min_average, _dflt_min_cores, _return_type):\n def __init__(self,min_bytes:_type_min_bytes=_dflt_min_bytes,min_average:_type_min_average=_dflt_min_average,min_cores:_type_min_cores=_dflt_min_cores)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'min_bytes',min_bytes)\n  __dataclass_builtins_object__.__setattr__(self,'min_average',min_average)\n  __dataclass_builtins_object__.__setattr__(self,'min_cores',min_cores)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_entries, _type_blob_of, _type_blobs, _type_stats, _type_digest, _type_big, _type_deferred, _type_dealt, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_entries, _dflt_blob_of, _dflt_blobs, _dflt_stats, _dflt_digest, _dflt_big, _dflt_deferred, _dflt_dealt, _return_type):
 def __init__(self,entries:_type_entries=_HAS_DEFAULT_FACTORY,blob_of:_type_blob_of=_HAS_DEFAULT_FACTORY,blobs:_type_blobs=_HAS_DEFAULT_FACTORY,stats:_type_stats=_HAS_DEFAULT_FACTORY,digest:_type_digest=_dflt_digest,big:_type_big=_HAS_DEFAULT_FACTORY,deferred:_type_deferred=_HAS_DEFAULT_FACTORY,dealt:_type_dealt=_HAS_DEFAULT_FACTORY)->_return_type:
  self.entries=_dflt_entries() if entries is _HAS_DEFAULT_FACTORY else entries
  self.blob_of=_dflt_blob_of() if blob_of is _HAS_DEFAULT_FACTORY else blob_of
  self.blobs=_dflt_blobs() if blobs is _HAS_DEFAULT_FACTORY else blobs
  self.stats=_dflt_stats() if stats is _HAS_DEFAULT_FACTORY else stats
  self.digest=digest
  self.big=_dflt_big() if big is _HAS_DEFAULT_FACTORY else big
  self.deferred=_dflt_deferred() if deferred is _HAS_DEFAULT_FACTORY else deferred
  self.dealt=_dflt_dealt() if dealt is _HAS_DEFAULT_FACTORY else dealt
 return __init__
CODES['def __create_fn__(_type_entries, _type_blob_of, _type_blobs, _type_stats, _type_digest, _type_big, _type_deferred, _type_dealt, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_entries, _dflt_blob_of, _dflt_blobs, _dflt_stats, _dflt_digest, _dflt_big, _dflt_deferred, _dflt_dealt, _return_type):\n def __init__(self,entries:_type_entries=_HAS_DEFAULT_FACTORY,blob_of:_type_blob_of=_HAS_DEFAULT_FACTORY,blobs:_type_blobs=_HAS_DEFAULT_FACTORY,stats:_type_stats=_HAS_DEFAULT_FACTORY,digest:_type_digest=_dflt_digest,big:_type_big=_HAS_DEFAULT_FACTORY,deferred:_type_deferred=_HAS_DEFAULT_FACTORY,dealt:_type_dealt=_HAS_DEFAULT_FACTORY)->_return_type:\n  self.entries=_dflt_entries() if entries is _HAS_DEFAULT_FACTORY else entries\n  self.blob_of=_dflt_blob_of() if blob_of is _HAS_DEFAULT_FACTORY else blob_of\n  self.blobs=_dflt_blobs() if blobs is _HAS_DEFAULT_FACTORY else blobs\n  self.stats=_dflt_stats() if stats is _HAS_DEFAULT_FACTORY else stats\n  self.digest=digest\n  self.big=_dflt_big() if big is _HAS_DEFAULT_FACTORY else big\n  self.deferred=_dflt_deferred() if deferred is _HAS_DEFAULT_FACTORY else deferred\n  self.dealt=_dflt_dealt() if dealt is _HAS_DEFAULT_FACTORY else dealt\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_start, _type_end, _type_in_def, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_in_def, _return_type):
 def __init__(self,start:_type_start,end:_type_end,in_def:_type_in_def=_dflt_in_def)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'start',start)
  __dataclass_builtins_object__.__setattr__(self,'end',end)
  __dataclass_builtins_object__.__setattr__(self,'in_def',in_def)
 return __init__
CODES["def __create_fn__(_type_start, _type_end, _type_in_def, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_in_def, _return_type):\n def __init__(self,start:_type_start,end:_type_end,in_def:_type_in_def=_dflt_in_def)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'start',start)\n  __dataclass_builtins_object__.__setattr__(self,'end',end)\n  __dataclass_builtins_object__.__setattr__(self,'in_def',in_def)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_marks, _type_refs, _type_calls, _type_callees, _type_kind, _type_pure, _type_sampled, _type_one_string, _type_scrubbed, _type_attr_roots, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_scrubbed, _dflt_attr_roots, _return_type):
 def __init__(self,marks:_type_marks,refs:_type_refs,calls:_type_calls,callees:_type_callees,kind:_type_kind,pure:_type_pure,sampled:_type_sampled,one_string:_type_one_string,scrubbed:_type_scrubbed=_dflt_scrubbed,attr_roots:_type_attr_roots=_dflt_attr_roots)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'marks',marks)
  __dataclass_builtins_object__.__setattr__(self,'refs',refs)
  __dataclass_builtins_object__.__setattr__(self,'calls',calls)
  __dataclass_builtins_object__.__setattr__(self,'callees',callees)
  __dataclass_builtins_object__.__setattr__(self,'kind',kind)
  __dataclass_builtins_object__.__setattr__(self,'pure',pure)
  __dataclass_builtins_object__.__setattr__(self,'sampled',sampled)
  __dataclass_builtins_object__.__setattr__(self,'one_string',one_string)
  __dataclass_builtins_object__.__setattr__(self,'scrubbed',scrubbed)
  __dataclass_builtins_object__.__setattr__(self,'attr_roots',attr_roots)
 return __init__
CODES["def __create_fn__(_type_marks, _type_refs, _type_calls, _type_callees, _type_kind, _type_pure, _type_sampled, _type_one_string, _type_scrubbed, _type_attr_roots, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_scrubbed, _dflt_attr_roots, _return_type):\n def __init__(self,marks:_type_marks,refs:_type_refs,calls:_type_calls,callees:_type_callees,kind:_type_kind,pure:_type_pure,sampled:_type_sampled,one_string:_type_one_string,scrubbed:_type_scrubbed=_dflt_scrubbed,attr_roots:_type_attr_roots=_dflt_attr_roots)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'marks',marks)\n  __dataclass_builtins_object__.__setattr__(self,'refs',refs)\n  __dataclass_builtins_object__.__setattr__(self,'calls',calls)\n  __dataclass_builtins_object__.__setattr__(self,'callees',callees)\n  __dataclass_builtins_object__.__setattr__(self,'kind',kind)\n  __dataclass_builtins_object__.__setattr__(self,'pure',pure)\n  __dataclass_builtins_object__.__setattr__(self,'sampled',sampled)\n  __dataclass_builtins_object__.__setattr__(self,'one_string',one_string)\n  __dataclass_builtins_object__.__setattr__(self,'scrubbed',scrubbed)\n  __dataclass_builtins_object__.__setattr__(self,'attr_roots',attr_roots)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_code, _type_built, _type_refs, _type_callees, _type_roots, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_code, _dflt_built, _dflt_refs, _dflt_callees, _dflt_roots, _return_type):
 def __init__(self,code:_type_code=_dflt_code,built:_type_built=_dflt_built,refs:_type_refs=_HAS_DEFAULT_FACTORY,callees:_type_callees=_HAS_DEFAULT_FACTORY,roots:_type_roots=_HAS_DEFAULT_FACTORY)->_return_type:
  self.code=code
  self.built=built
  self.refs=_dflt_refs() if refs is _HAS_DEFAULT_FACTORY else refs
  self.callees=_dflt_callees() if callees is _HAS_DEFAULT_FACTORY else callees
  self.roots=_dflt_roots() if roots is _HAS_DEFAULT_FACTORY else roots
 return __init__
CODES['def __create_fn__(_type_code, _type_built, _type_refs, _type_callees, _type_roots, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_code, _dflt_built, _dflt_refs, _dflt_callees, _dflt_roots, _return_type):\n def __init__(self,code:_type_code=_dflt_code,built:_type_built=_dflt_built,refs:_type_refs=_HAS_DEFAULT_FACTORY,callees:_type_callees=_HAS_DEFAULT_FACTORY,roots:_type_roots=_HAS_DEFAULT_FACTORY)->_return_type:\n  self.code=code\n  self.built=built\n  self.refs=_dflt_refs() if refs is _HAS_DEFAULT_FACTORY else refs\n  self.callees=_dflt_callees() if callees is _HAS_DEFAULT_FACTORY else callees\n  self.roots=_dflt_roots() if roots is _HAS_DEFAULT_FACTORY else roots\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_name, _type_scope, _type_owner, _type_start, _type_end, _type_facts, _type_value_start, _type_derived, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_derived, _return_type):
 def __init__(self,name:_type_name,scope:_type_scope,owner:_type_owner,start:_type_start,end:_type_end,facts:_type_facts,value_start:_type_value_start,derived:_type_derived=_dflt_derived)->_return_type:
  self.name=name
  self.scope=scope
  self.owner=owner
  self.start=start
  self.end=end
  self.facts=facts
  self.value_start=value_start
  self.derived=derived
 return __init__
CODES['def __create_fn__(_type_name, _type_scope, _type_owner, _type_start, _type_end, _type_facts, _type_value_start, _type_derived, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_derived, _return_type):\n def __init__(self,name:_type_name,scope:_type_scope,owner:_type_owner,start:_type_start,end:_type_end,facts:_type_facts,value_start:_type_value_start,derived:_type_derived=_dflt_derived)->_return_type:\n  self.name=name\n  self.scope=scope\n  self.owner=owner\n  self.start=start\n  self.end=end\n  self.facts=facts\n  self.value_start=value_start\n  self.derived=derived\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_constants, _type_star, _type_bound, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,constants:_type_constants,star:_type_star,bound:_type_bound)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'constants',constants)
  __dataclass_builtins_object__.__setattr__(self,'star',star)
  __dataclass_builtins_object__.__setattr__(self,'bound',bound)
 return __init__
CODES["def __create_fn__(_type_constants, _type_star, _type_bound, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,constants:_type_constants,star:_type_star,bound:_type_bound)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'constants',constants)\n  __dataclass_builtins_object__.__setattr__(self,'star',star)\n  __dataclass_builtins_object__.__setattr__(self,'bound',bound)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_splitter, _type_settings, _type_candidates, _type_code_bytes, _type_unknown_bytes, _type_scrub_left, _type_values_left, _type_code_cap, _type_held, _type_rebound_attributes, _type_statement_bytes, _type_in_classes, _type_unpacked, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_candidates, _dflt_code_bytes, _dflt_unknown_bytes, _dflt_scrub_left, _dflt_values_left, _dflt_code_cap, _dflt_held, _dflt_rebound_attributes, _dflt_statement_bytes, _dflt_in_classes, _dflt_unpacked, _return_type):
 def __init__(self,splitter:_type_splitter,settings:_type_settings,candidates:_type_candidates=_HAS_DEFAULT_FACTORY,code_bytes:_type_code_bytes=_dflt_code_bytes,unknown_bytes:_type_unknown_bytes=_dflt_unknown_bytes,scrub_left:_type_scrub_left=_dflt_scrub_left,values_left:_type_values_left=_dflt_values_left,code_cap:_type_code_cap=_dflt_code_cap,held:_type_held=_dflt_held,rebound_attributes:_type_rebound_attributes=_HAS_DEFAULT_FACTORY,statement_bytes:_type_statement_bytes=_dflt_statement_bytes,in_classes:_type_in_classes=_dflt_in_classes,unpacked:_type_unpacked=_HAS_DEFAULT_FACTORY)->_return_type:
  self.splitter=splitter
  self.settings=settings
  self.candidates=_dflt_candidates() if candidates is _HAS_DEFAULT_FACTORY else candidates
  self.code_bytes=code_bytes
  self.unknown_bytes=unknown_bytes
  self.scrub_left=scrub_left
  self.values_left=values_left
  self.code_cap=code_cap
  self.held=held
  self.rebound_attributes=_dflt_rebound_attributes() if rebound_attributes is _HAS_DEFAULT_FACTORY else rebound_attributes
  self.statement_bytes=statement_bytes
  self.in_classes=in_classes
  self.unpacked=_dflt_unpacked() if unpacked is _HAS_DEFAULT_FACTORY else unpacked
 return __init__
CODES['def __create_fn__(_type_splitter, _type_settings, _type_candidates, _type_code_bytes, _type_unknown_bytes, _type_scrub_left, _type_values_left, _type_code_cap, _type_held, _type_rebound_attributes, _type_statement_bytes, _type_in_classes, _type_unpacked, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_candidates, _dflt_code_bytes, _dflt_unknown_bytes, _dflt_scrub_left, _dflt_values_left, _dflt_code_cap, _dflt_held, _dflt_rebound_attributes, _dflt_statement_bytes, _dflt_in_classes, _dflt_unpacked, _return_type):\n def __init__(self,splitter:_type_splitter,settings:_type_settings,candidates:_type_candidates=_HAS_DEFAULT_FACTORY,code_bytes:_type_code_bytes=_dflt_code_bytes,unknown_bytes:_type_unknown_bytes=_dflt_unknown_bytes,scrub_left:_type_scrub_left=_dflt_scrub_left,values_left:_type_values_left=_dflt_values_left,code_cap:_type_code_cap=_dflt_code_cap,held:_type_held=_dflt_held,rebound_attributes:_type_rebound_attributes=_HAS_DEFAULT_FACTORY,statement_bytes:_type_statement_bytes=_dflt_statement_bytes,in_classes:_type_in_classes=_dflt_in_classes,unpacked:_type_unpacked=_HAS_DEFAULT_FACTORY)->_return_type:\n  self.splitter=splitter\n  self.settings=settings\n  self.candidates=_dflt_candidates() if candidates is _HAS_DEFAULT_FACTORY else candidates\n  self.code_bytes=code_bytes\n  self.unknown_bytes=unknown_bytes\n  self.scrub_left=scrub_left\n  self.values_left=values_left\n  self.code_cap=code_cap\n  self.held=held\n  self.rebound_attributes=_dflt_rebound_attributes() if rebound_attributes is _HAS_DEFAULT_FACTORY else rebound_attributes\n  self.statement_bytes=statement_bytes\n  self.in_classes=in_classes\n  self.unpacked=_dflt_unpacked() if unpacked is _HAS_DEFAULT_FACTORY else unpacked\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_root, _type_files, _type__specs, _type__cache, _type_use_git, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_files, _dflt__specs, _dflt__cache, _dflt_use_git, _return_type):
 def __init__(self,root:_type_root,files:_type_files=_HAS_DEFAULT_FACTORY,_specs:_type__specs=_HAS_DEFAULT_FACTORY,_cache:_type__cache=_HAS_DEFAULT_FACTORY,use_git:_type_use_git=_dflt_use_git)->_return_type:
  self.root=root
  self.files=_dflt_files() if files is _HAS_DEFAULT_FACTORY else files
  self._specs=_dflt__specs() if _specs is _HAS_DEFAULT_FACTORY else _specs
  self._cache=_dflt__cache() if _cache is _HAS_DEFAULT_FACTORY else _cache
  self.use_git=use_git
  self.__post_init__()
 return __init__
CODES['def __create_fn__(_type_root, _type_files, _type__specs, _type__cache, _type_use_git, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_files, _dflt__specs, _dflt__cache, _dflt_use_git, _return_type):\n def __init__(self,root:_type_root,files:_type_files=_HAS_DEFAULT_FACTORY,_specs:_type__specs=_HAS_DEFAULT_FACTORY,_cache:_type__cache=_HAS_DEFAULT_FACTORY,use_git:_type_use_git=_dflt_use_git)->_return_type:\n  self.root=root\n  self.files=_dflt_files() if files is _HAS_DEFAULT_FACTORY else files\n  self._specs=_dflt__specs() if _specs is _HAS_DEFAULT_FACTORY else _specs\n  self._cache=_dflt__cache() if _cache is _HAS_DEFAULT_FACTORY else _cache\n  self.use_git=use_git\n  self.__post_init__()\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_root, _type_excludes, _type__before, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt__before, _return_type):
 def __init__(self,root:_type_root,excludes:_type_excludes,_before:_type__before=_dflt__before)->_return_type:
  self.root=root
  self.excludes=excludes
  self._before=_before
 return __init__
CODES['def __create_fn__(_type_root, _type_excludes, _type__before, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt__before, _return_type):\n def __init__(self,root:_type_root,excludes:_type_excludes,_before:_type__before=_dflt__before)->_return_type:\n  self.root=root\n  self.excludes=excludes\n  self._before=_before\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_path, _type_is_dir, _type_kind, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_kind, _return_type):
 def __init__(self,path:_type_path,is_dir:_type_is_dir,kind:_type_kind=_dflt_kind)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'path',path)
  __dataclass_builtins_object__.__setattr__(self,'is_dir',is_dir)
  __dataclass_builtins_object__.__setattr__(self,'kind',kind)
 return __init__
CODES["def __create_fn__(_type_path, _type_is_dir, _type_kind, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_kind, _return_type):\n def __init__(self,path:_type_path,is_dir:_type_is_dir,kind:_type_kind=_dflt_kind)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'path',path)\n  __dataclass_builtins_object__.__setattr__(self,'is_dir',is_dir)\n  __dataclass_builtins_object__.__setattr__(self,'kind',kind)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_pattern, _type_targets, _type_kind, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_kind, _return_type):
 def __init__(self,pattern:_type_pattern,targets:_type_targets,kind:_type_kind=_dflt_kind)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'pattern',pattern)
  __dataclass_builtins_object__.__setattr__(self,'targets',targets)
  __dataclass_builtins_object__.__setattr__(self,'kind',kind)
 return __init__
CODES["def __create_fn__(_type_pattern, _type_targets, _type_kind, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_kind, _return_type):\n def __init__(self,pattern:_type_pattern,targets:_type_targets,kind:_type_kind=_dflt_kind)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'pattern',pattern)\n  __dataclass_builtins_object__.__setattr__(self,'targets',targets)\n  __dataclass_builtins_object__.__setattr__(self,'kind',kind)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_pattern, _type_targets, _type_ok, _type_reason, _type_file, _type_hides_tracked, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_reason, _dflt_file, _dflt_hides_tracked, _return_type):
 def __init__(self,pattern:_type_pattern,targets:_type_targets,ok:_type_ok,reason:_type_reason=_dflt_reason,file:_type_file=_dflt_file,hides_tracked:_type_hides_tracked=_dflt_hides_tracked)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'pattern',pattern)
  __dataclass_builtins_object__.__setattr__(self,'targets',targets)
  __dataclass_builtins_object__.__setattr__(self,'ok',ok)
  __dataclass_builtins_object__.__setattr__(self,'reason',reason)
  __dataclass_builtins_object__.__setattr__(self,'file',file)
  __dataclass_builtins_object__.__setattr__(self,'hides_tracked',hides_tracked)
 return __init__
CODES["def __create_fn__(_type_pattern, _type_targets, _type_ok, _type_reason, _type_file, _type_hides_tracked, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_reason, _dflt_file, _dflt_hides_tracked, _return_type):\n def __init__(self,pattern:_type_pattern,targets:_type_targets,ok:_type_ok,reason:_type_reason=_dflt_reason,file:_type_file=_dflt_file,hides_tracked:_type_hides_tracked=_dflt_hides_tracked)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'pattern',pattern)\n  __dataclass_builtins_object__.__setattr__(self,'targets',targets)\n  __dataclass_builtins_object__.__setattr__(self,'ok',ok)\n  __dataclass_builtins_object__.__setattr__(self,'reason',reason)\n  __dataclass_builtins_object__.__setattr__(self,'file',file)\n  __dataclass_builtins_object__.__setattr__(self,'hides_tracked',hides_tracked)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_path, _type_why, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,path:_type_path,why:_type_why)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'path',path)
  __dataclass_builtins_object__.__setattr__(self,'why',why)
 return __init__
CODES["def __create_fn__(_type_path, _type_why, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,path:_type_path,why:_type_why)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'path',path)\n  __dataclass_builtins_object__.__setattr__(self,'why',why)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_root, _type_files, _type_signals, _type_package_name, _type_version, _type_license, _type_entry_files, _type_python_package, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_package_name, _dflt_version, _dflt_license, _dflt_entry_files, _dflt_python_package, _return_type):
 def __init__(self,root:_type_root,files:_type_files,signals:_type_signals,package_name:_type_package_name=_dflt_package_name,version:_type_version=_dflt_version,license:_type_license=_dflt_license,entry_files:_type_entry_files=_dflt_entry_files,python_package:_type_python_package=_dflt_python_package)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'root',root)
  __dataclass_builtins_object__.__setattr__(self,'files',files)
  __dataclass_builtins_object__.__setattr__(self,'signals',signals)
  __dataclass_builtins_object__.__setattr__(self,'package_name',package_name)
  __dataclass_builtins_object__.__setattr__(self,'version',version)
  __dataclass_builtins_object__.__setattr__(self,'license',license)
  __dataclass_builtins_object__.__setattr__(self,'entry_files',entry_files)
  __dataclass_builtins_object__.__setattr__(self,'python_package',python_package)
 return __init__
CODES["def __create_fn__(_type_root, _type_files, _type_signals, _type_package_name, _type_version, _type_license, _type_entry_files, _type_python_package, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_package_name, _dflt_version, _dflt_license, _dflt_entry_files, _dflt_python_package, _return_type):\n def __init__(self,root:_type_root,files:_type_files,signals:_type_signals,package_name:_type_package_name=_dflt_package_name,version:_type_version=_dflt_version,license:_type_license=_dflt_license,entry_files:_type_entry_files=_dflt_entry_files,python_package:_type_python_package=_dflt_python_package)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'root',root)\n  __dataclass_builtins_object__.__setattr__(self,'files',files)\n  __dataclass_builtins_object__.__setattr__(self,'signals',signals)\n  __dataclass_builtins_object__.__setattr__(self,'package_name',package_name)\n  __dataclass_builtins_object__.__setattr__(self,'version',version)\n  __dataclass_builtins_object__.__setattr__(self,'license',license)\n  __dataclass_builtins_object__.__setattr__(self,'entry_files',entry_files)\n  __dataclass_builtins_object__.__setattr__(self,'python_package',python_package)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_root, _type_by_path, _type_signals, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_by_path, _dflt_signals, _return_type):
 def __init__(self,root:_type_root,by_path:_type_by_path=_dflt_by_path,signals:_type_signals=_HAS_DEFAULT_FACTORY)->_return_type:
  self.root=root
  self.by_path=by_path
  self.signals=_dflt_signals() if signals is _HAS_DEFAULT_FACTORY else signals
 return __init__
CODES['def __create_fn__(_type_root, _type_by_path, _type_signals, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_by_path, _dflt_signals, _return_type):\n def __init__(self,root:_type_root,by_path:_type_by_path=_dflt_by_path,signals:_type_signals=_HAS_DEFAULT_FACTORY)->_return_type:\n  self.root=root\n  self.by_path=by_path\n  self.signals=_dflt_signals() if signals is _HAS_DEFAULT_FACTORY else signals\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_library, _type_text, _type_tier, _type_python, _type_hazard, _type_resolvable, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_python, _dflt_hazard, _dflt_resolvable, _return_type):
 def __init__(self,library:_type_library,text:_type_text,tier:_type_tier,python:_type_python=_dflt_python,hazard:_type_hazard=_dflt_hazard,resolvable:_type_resolvable=_dflt_resolvable)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'library',library)
  __dataclass_builtins_object__.__setattr__(self,'text',text)
  __dataclass_builtins_object__.__setattr__(self,'tier',tier)
  __dataclass_builtins_object__.__setattr__(self,'python',python)
  __dataclass_builtins_object__.__setattr__(self,'hazard',hazard)
  __dataclass_builtins_object__.__setattr__(self,'resolvable',resolvable)
 return __init__
CODES["def __create_fn__(_type_library, _type_text, _type_tier, _type_python, _type_hazard, _type_resolvable, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_python, _dflt_hazard, _dflt_resolvable, _return_type):\n def __init__(self,library:_type_library,text:_type_text,tier:_type_tier,python:_type_python=_dflt_python,hazard:_type_hazard=_dflt_hazard,resolvable:_type_resolvable=_dflt_resolvable)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'library',library)\n  __dataclass_builtins_object__.__setattr__(self,'text',text)\n  __dataclass_builtins_object__.__setattr__(self,'tier',tier)\n  __dataclass_builtins_object__.__setattr__(self,'python',python)\n  __dataclass_builtins_object__.__setattr__(self,'hazard',hazard)\n  __dataclass_builtins_object__.__setattr__(self,'resolvable',resolvable)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_path, _type_line_no, _type_line, _type_pattern, _type_tier, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,path:_type_path,line_no:_type_line_no,line:_type_line,pattern:_type_pattern,tier:_type_tier)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'path',path)
  __dataclass_builtins_object__.__setattr__(self,'line_no',line_no)
  __dataclass_builtins_object__.__setattr__(self,'line',line)
  __dataclass_builtins_object__.__setattr__(self,'pattern',pattern)
  __dataclass_builtins_object__.__setattr__(self,'tier',tier)
 return __init__
CODES["def __create_fn__(_type_path, _type_line_no, _type_line, _type_pattern, _type_tier, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,path:_type_path,line_no:_type_line_no,line:_type_line,pattern:_type_pattern,tier:_type_tier)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'path',path)\n  __dataclass_builtins_object__.__setattr__(self,'line_no',line_no)\n  __dataclass_builtins_object__.__setattr__(self,'line',line)\n  __dataclass_builtins_object__.__setattr__(self,'pattern',pattern)\n  __dataclass_builtins_object__.__setattr__(self,'tier',tier)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_library, _type_evidence, _type_used_by, _type_hazards, _type_strings, _type_used, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_evidence, _dflt_used_by, _dflt_hazards, _dflt_strings, _dflt_used, _return_type):
 def __init__(self,library:_type_library,evidence:_type_evidence=_HAS_DEFAULT_FACTORY,used_by:_type_used_by=_HAS_DEFAULT_FACTORY,hazards:_type_hazards=_HAS_DEFAULT_FACTORY,strings:_type_strings=_dflt_strings,used:_type_used=_dflt_used)->_return_type:
  self.library=library
  self.evidence=_dflt_evidence() if evidence is _HAS_DEFAULT_FACTORY else evidence
  self.used_by=_dflt_used_by() if used_by is _HAS_DEFAULT_FACTORY else used_by
  self.hazards=_dflt_hazards() if hazards is _HAS_DEFAULT_FACTORY else hazards
  self.strings=strings
  self.used=used
 return __init__
CODES['def __create_fn__(_type_library, _type_evidence, _type_used_by, _type_hazards, _type_strings, _type_used, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_evidence, _dflt_used_by, _dflt_hazards, _dflt_strings, _dflt_used, _return_type):\n def __init__(self,library:_type_library,evidence:_type_evidence=_HAS_DEFAULT_FACTORY,used_by:_type_used_by=_HAS_DEFAULT_FACTORY,hazards:_type_hazards=_HAS_DEFAULT_FACTORY,strings:_type_strings=_dflt_strings,used:_type_used=_dflt_used)->_return_type:\n  self.library=library\n  self.evidence=_dflt_evidence() if evidence is _HAS_DEFAULT_FACTORY else evidence\n  self.used_by=_dflt_used_by() if used_by is _HAS_DEFAULT_FACTORY else used_by\n  self.hazards=_dflt_hazards() if hazards is _HAS_DEFAULT_FACTORY else hazards\n  self.strings=strings\n  self.used=used\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_flag, _type_kind, _type_help, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,flag:_type_flag,kind:_type_kind,help:_type_help)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'flag',flag)
  __dataclass_builtins_object__.__setattr__(self,'kind',kind)
  __dataclass_builtins_object__.__setattr__(self,'help',help)
 return __init__
CODES["def __create_fn__(_type_flag, _type_kind, _type_help, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,flag:_type_flag,kind:_type_kind,help:_type_help)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'flag',flag)\n  __dataclass_builtins_object__.__setattr__(self,'kind',kind)\n  __dataclass_builtins_object__.__setattr__(self,'help',help)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_name, _type_key, _type_expects, _type_parse, _type_option, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,name:_type_name,key:_type_key,expects:_type_expects,parse:_type_parse,option:_type_option)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'name',name)
  __dataclass_builtins_object__.__setattr__(self,'key',key)
  __dataclass_builtins_object__.__setattr__(self,'expects',expects)
  __dataclass_builtins_object__.__setattr__(self,'parse',parse)
  __dataclass_builtins_object__.__setattr__(self,'option',option)
 return __init__
CODES["def __create_fn__(_type_name, _type_key, _type_expects, _type_parse, _type_option, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,name:_type_name,key:_type_key,expects:_type_expects,parse:_type_parse,option:_type_option)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'name',name)\n  __dataclass_builtins_object__.__setattr__(self,'key',key)\n  __dataclass_builtins_object__.__setattr__(self,'expects',expects)\n  __dataclass_builtins_object__.__setattr__(self,'parse',parse)\n  __dataclass_builtins_object__.__setattr__(self,'option',option)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_exclude, _type_select, _type_ignore, _type_fail_on, _type_min_size, _type_large_file, _type_max_file_size, _type_heavy_folder, _type_data_min_size, _type_kinds, _type_disable_kinds, _type_only_kinds, _type_cross_filesystems, _type_history, _type_history_top, _type_duplicates, _type_duplicate_min_size, _type_no_cache, _type_extra_kinds, _type_source, _type_codes_from_files, _type_exclude_from, _type_command_line, _type_per_repo, _type_untrusted, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_exclude, _dflt_select, _dflt_ignore, _dflt_fail_on, _dflt_min_size, _dflt_large_file, _dflt_max_file_size, _dflt_heavy_folder, _dflt_data_min_size, _dflt_kinds, _dflt_disable_kinds, _dflt_only_kinds, _dflt_cross_filesystems, _dflt_history, _dflt_history_top, _dflt_duplicates, _dflt_duplicate_min_size, _dflt_no_cache, _dflt_extra_kinds, _dflt_source, _dflt_codes_from_files, _dflt_exclude_from, _dflt_command_line, _dflt_per_repo, _dflt_untrusted, _return_type):
 def __init__(self,exclude:_type_exclude=_dflt_exclude,select:_type_select=_dflt_select,ignore:_type_ignore=_dflt_ignore,fail_on:_type_fail_on=_dflt_fail_on,min_size:_type_min_size=_dflt_min_size,large_file:_type_large_file=_dflt_large_file,max_file_size:_type_max_file_size=_dflt_max_file_size,heavy_folder:_type_heavy_folder=_dflt_heavy_folder,data_min_size:_type_data_min_size=_dflt_data_min_size,kinds:_type_kinds=_dflt_kinds,disable_kinds:_type_disable_kinds=_dflt_disable_kinds,only_kinds:_type_only_kinds=_dflt_only_kinds,cross_filesystems:_type_cross_filesystems=_dflt_cross_filesystems,history:_type_history=_dflt_history,history_top:_type_history_top=_dflt_history_top,duplicates:_type_duplicates=_dflt_duplicates,duplicate_min_size:_type_duplicate_min_size=_dflt_duplicate_min_size,no_cache:_type_no_cache=_dflt_no_cache,extra_kinds:_type_extra_kinds=_dflt_extra_kinds,source:_type_source=_dflt_source,codes_from_files:_type_codes_from_files=_dflt_codes_from_files,exclude_from:_type_exclude_from=_dflt_exclude_from,command_line:_type_command_line=_dflt_command_line,per_repo:_type_per_repo=_dflt_per_repo,untrusted:_type_untrusted=_dflt_untrusted)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'exclude',exclude)
  __dataclass_builtins_object__.__setattr__(self,'select',select)
  __dataclass_builtins_object__.__setattr__(self,'ignore',ignore)
  __dataclass_builtins_object__.__setattr__(self,'fail_on',fail_on)
  __dataclass_builtins_object__.__setattr__(self,'min_size',min_size)
  __dataclass_builtins_object__.__setattr__(self,'large_file',large_file)
  __dataclass_builtins_object__.__setattr__(self,'max_file_size',max_file_size)
  __dataclass_builtins_object__.__setattr__(self,'heavy_folder',heavy_folder)
  __dataclass_builtins_object__.__setattr__(self,'data_min_size',data_min_size)
  __dataclass_builtins_object__.__setattr__(self,'kinds',kinds)
  __dataclass_builtins_object__.__setattr__(self,'disable_kinds',disable_kinds)
  __dataclass_builtins_object__.__setattr__(self,'only_kinds',only_kinds)
  __dataclass_builtins_object__.__setattr__(self,'cross_filesystems',cross_filesystems)
  __dataclass_builtins_object__.__setattr__(self,'history',history)
  __dataclass_builtins_object__.__setattr__(self,'history_top',history_top)
  __dataclass_builtins_object__.__setattr__(self,'duplicates',duplicates)
  __dataclass_builtins_object__.__setattr__(self,'duplicate_min_size',duplicate_min_size)
  __dataclass_builtins_object__.__setattr__(self,'no_cache',no_cache)
  __dataclass_builtins_object__.__setattr__(self,'extra_kinds',extra_kinds)
  __dataclass_builtins_object__.__setattr__(self,'source',source)
  __dataclass_builtins_object__.__setattr__(self,'codes_from_files',codes_from_files)
  __dataclass_builtins_object__.__setattr__(self,'exclude_from',exclude_from)
  __dataclass_builtins_object__.__setattr__(self,'command_line',command_line)
  __dataclass_builtins_object__.__setattr__(self,'per_repo',per_repo)
  __dataclass_builtins_object__.__setattr__(self,'untrusted',untrusted)
  self.__post_init__()
 return __init__
CODES["def __create_fn__(_type_exclude, _type_select, _type_ignore, _type_fail_on, _type_min_size, _type_large_file, _type_max_file_size, _type_heavy_folder, _type_data_min_size, _type_kinds, _type_disable_kinds, _type_only_kinds, _type_cross_filesystems, _type_history, _type_history_top, _type_duplicates, _type_duplicate_min_size, _type_no_cache, _type_extra_kinds, _type_source, _type_codes_from_files, _type_exclude_from, _type_command_line, _type_per_repo, _type_untrusted, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_exclude, _dflt_select, _dflt_ignore, _dflt_fail_on, _dflt_min_size, _dflt_large_file, _dflt_max_file_size, _dflt_heavy_folder, _dflt_data_min_size, _dflt_kinds, _dflt_disable_kinds, _dflt_only_kinds, _dflt_cross_filesystems, _dflt_history, _dflt_history_top, _dflt_duplicates, _dflt_duplicate_min_size, _dflt_no_cache, _dflt_extra_kinds, _dflt_source, _dflt_codes_from_files, _dflt_exclude_from, _dflt_command_line, _dflt_per_repo, _dflt_untrusted, _return_type):\n def __init__(self,exclude:_type_exclude=_dflt_exclude,select:_type_select=_dflt_select,ignore:_type_ignore=_dflt_ignore,fail_on:_type_fail_on=_dflt_fail_on,min_size:_type_min_size=_dflt_min_size,large_file:_type_large_file=_dflt_large_file,max_file_size:_type_max_file_size=_dflt_max_file_size,heavy_folder:_type_heavy_folder=_dflt_heavy_folder,data_min_size:_type_data_min_size=_dflt_data_min_size,kinds:_type_kinds=_dflt_kinds,disable_kinds:_type_disable_kinds=_dflt_disable_kinds,only_kinds:_type_only_kinds=_dflt_only_kinds,cross_filesystems:_type_cross_filesystems=_dflt_cross_filesystems,history:_type_history=_dflt_history,history_top:_type_history_top=_dflt_history_top,duplicates:_type_duplicates=_dflt_duplicates,duplicate_min_size:_type_duplicate_min_size=_dflt_duplicate_min_size,no_cache:_type_no_cache=_dflt_no_cache,extra_kinds:_type_extra_kinds=_dflt_extra_kinds,source:_type_source=_dflt_source,codes_from_files:_type_codes_from_files=_dflt_codes_from_files,exclude_from:_type_exclude_from=_dflt_exclude_from,command_line:_type_command_line=_dflt_command_line,per_repo:_type_per_repo=_dflt_per_repo,untrusted:_type_untrusted=_dflt_untrusted)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'exclude',exclude)\n  __dataclass_builtins_object__.__setattr__(self,'select',select)\n  __dataclass_builtins_object__.__setattr__(self,'ignore',ignore)\n  __dataclass_builtins_object__.__setattr__(self,'fail_on',fail_on)\n  __dataclass_builtins_object__.__setattr__(self,'min_size',min_size)\n  __dataclass_builtins_object__.__setattr__(self,'large_file',large_file)\n  __dataclass_builtins_object__.__setattr__(self,'max_file_size',max_file_size)\n  __dataclass_builtins_object__.__setattr__(self,'heavy_folder',heavy_folder)\n  __dataclass_builtins_object__.__setattr__(self,'data_min_size',data_min_size)\n  __dataclass_builtins_object__.__setattr__(self,'kinds',kinds)\n  __dataclass_builtins_object__.__setattr__(self,'disable_kinds',disable_kinds)\n  __dataclass_builtins_object__.__setattr__(self,'only_kinds',only_kinds)\n  __dataclass_builtins_object__.__setattr__(self,'cross_filesystems',cross_filesystems)\n  __dataclass_builtins_object__.__setattr__(self,'history',history)\n  __dataclass_builtins_object__.__setattr__(self,'history_top',history_top)\n  __dataclass_builtins_object__.__setattr__(self,'duplicates',duplicates)\n  __dataclass_builtins_object__.__setattr__(self,'duplicate_min_size',duplicate_min_size)\n  __dataclass_builtins_object__.__setattr__(self,'no_cache',no_cache)\n  __dataclass_builtins_object__.__setattr__(self,'extra_kinds',extra_kinds)\n  __dataclass_builtins_object__.__setattr__(self,'source',source)\n  __dataclass_builtins_object__.__setattr__(self,'codes_from_files',codes_from_files)\n  __dataclass_builtins_object__.__setattr__(self,'exclude_from',exclude_from)\n  __dataclass_builtins_object__.__setattr__(self,'command_line',command_line)\n  __dataclass_builtins_object__.__setattr__(self,'per_repo',per_repo)\n  __dataclass_builtins_object__.__setattr__(self,'untrusted',untrusted)\n  self.__post_init__()\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_text, _type_words, _type_kinds, _type_rules, _type_older_than, _type_newer_than, _type_states, _type_fixes, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_text, _dflt_words, _dflt_kinds, _dflt_rules, _dflt_older_than, _dflt_newer_than, _dflt_states, _dflt_fixes, _return_type):
 def __init__(self,text:_type_text=_dflt_text,words:_type_words=_dflt_words,kinds:_type_kinds=_dflt_kinds,rules:_type_rules=_dflt_rules,older_than:_type_older_than=_dflt_older_than,newer_than:_type_newer_than=_dflt_newer_than,states:_type_states=_dflt_states,fixes:_type_fixes=_dflt_fixes)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'text',text)
  __dataclass_builtins_object__.__setattr__(self,'words',words)
  __dataclass_builtins_object__.__setattr__(self,'kinds',kinds)
  __dataclass_builtins_object__.__setattr__(self,'rules',rules)
  __dataclass_builtins_object__.__setattr__(self,'older_than',older_than)
  __dataclass_builtins_object__.__setattr__(self,'newer_than',newer_than)
  __dataclass_builtins_object__.__setattr__(self,'states',states)
  __dataclass_builtins_object__.__setattr__(self,'fixes',fixes)
 return __init__
CODES["def __create_fn__(_type_text, _type_words, _type_kinds, _type_rules, _type_older_than, _type_newer_than, _type_states, _type_fixes, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_text, _dflt_words, _dflt_kinds, _dflt_rules, _dflt_older_than, _dflt_newer_than, _dflt_states, _dflt_fixes, _return_type):\n def __init__(self,text:_type_text=_dflt_text,words:_type_words=_dflt_words,kinds:_type_kinds=_dflt_kinds,rules:_type_rules=_dflt_rules,older_than:_type_older_than=_dflt_older_than,newer_than:_type_newer_than=_dflt_newer_than,states:_type_states=_dflt_states,fixes:_type_fixes=_dflt_fixes)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'text',text)\n  __dataclass_builtins_object__.__setattr__(self,'words',words)\n  __dataclass_builtins_object__.__setattr__(self,'kinds',kinds)\n  __dataclass_builtins_object__.__setattr__(self,'rules',rules)\n  __dataclass_builtins_object__.__setattr__(self,'older_than',older_than)\n  __dataclass_builtins_object__.__setattr__(self,'newer_than',newer_than)\n  __dataclass_builtins_object__.__setattr__(self,'states',states)\n  __dataclass_builtins_object__.__setattr__(self,'fixes',fixes)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_path, _type_name, _type_kind, _type_code, _type_rule, _type_state, _type_fixes, _type_activity, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,path:_type_path,name:_type_name,kind:_type_kind,code:_type_code,rule:_type_rule,state:_type_state,fixes:_type_fixes,activity:_type_activity)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'path',path)
  __dataclass_builtins_object__.__setattr__(self,'name',name)
  __dataclass_builtins_object__.__setattr__(self,'kind',kind)
  __dataclass_builtins_object__.__setattr__(self,'code',code)
  __dataclass_builtins_object__.__setattr__(self,'rule',rule)
  __dataclass_builtins_object__.__setattr__(self,'state',state)
  __dataclass_builtins_object__.__setattr__(self,'fixes',fixes)
  __dataclass_builtins_object__.__setattr__(self,'activity',activity)
 return __init__
CODES["def __create_fn__(_type_path, _type_name, _type_kind, _type_code, _type_rule, _type_state, _type_fixes, _type_activity, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,path:_type_path,name:_type_name,kind:_type_kind,code:_type_code,rule:_type_rule,state:_type_state,fixes:_type_fixes,activity:_type_activity)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'path',path)\n  __dataclass_builtins_object__.__setattr__(self,'name',name)\n  __dataclass_builtins_object__.__setattr__(self,'kind',kind)\n  __dataclass_builtins_object__.__setattr__(self,'code',code)\n  __dataclass_builtins_object__.__setattr__(self,'rule',rule)\n  __dataclass_builtins_object__.__setattr__(self,'state',state)\n  __dataclass_builtins_object__.__setattr__(self,'fixes',fixes)\n  __dataclass_builtins_object__.__setattr__(self,'activity',activity)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_key, _type_group, _type_finding, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,key:_type_key,group:_type_group,finding:_type_finding)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'key',key)
  __dataclass_builtins_object__.__setattr__(self,'group',group)
  __dataclass_builtins_object__.__setattr__(self,'finding',finding)
 return __init__
CODES["def __create_fn__(_type_key, _type_group, _type_finding, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,key:_type_key,group:_type_group,finding:_type_finding)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'key',key)\n  __dataclass_builtins_object__.__setattr__(self,'group',group)\n  __dataclass_builtins_object__.__setattr__(self,'finding',finding)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_key, _type_group, _type_shown, _type_total, _type_count, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,key:_type_key,group:_type_group,shown:_type_shown,total:_type_total,count:_type_count)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'key',key)
  __dataclass_builtins_object__.__setattr__(self,'group',group)
  __dataclass_builtins_object__.__setattr__(self,'shown',shown)
  __dataclass_builtins_object__.__setattr__(self,'total',total)
  __dataclass_builtins_object__.__setattr__(self,'count',count)
 return __init__
CODES["def __create_fn__(_type_key, _type_group, _type_shown, _type_total, _type_count, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,key:_type_key,group:_type_group,shown:_type_shown,total:_type_total,count:_type_count)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'key',key)\n  __dataclass_builtins_object__.__setattr__(self,'group',group)\n  __dataclass_builtins_object__.__setattr__(self,'shown',shown)\n  __dataclass_builtins_object__.__setattr__(self,'total',total)\n  __dataclass_builtins_object__.__setattr__(self,'count',count)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_group, _type_items, _type_facts, _type_fixable, _type_orders, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,group:_type_group,items:_type_items,facts:_type_facts,fixable:_type_fixable,orders:_type_orders)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'group',group)
  __dataclass_builtins_object__.__setattr__(self,'items',items)
  __dataclass_builtins_object__.__setattr__(self,'facts',facts)
  __dataclass_builtins_object__.__setattr__(self,'fixable',fixable)
  __dataclass_builtins_object__.__setattr__(self,'orders',orders)
 return __init__
CODES["def __create_fn__(_type_group, _type_items, _type_facts, _type_fixable, _type_orders, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,group:_type_group,items:_type_items,facts:_type_facts,fixable:_type_fixable,orders:_type_orders)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'group',group)\n  __dataclass_builtins_object__.__setattr__(self,'items',items)\n  __dataclass_builtins_object__.__setattr__(self,'facts',facts)\n  __dataclass_builtins_object__.__setattr__(self,'fixable',fixable)\n  __dataclass_builtins_object__.__setattr__(self,'orders',orders)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_entry, _type_results, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_results, _return_type):
 def __init__(self,entry:_type_entry,results:_type_results=_HAS_DEFAULT_FACTORY)->_return_type:
  self.entry=entry
  self.results=_dflt_results() if results is _HAS_DEFAULT_FACTORY else results
 return __init__
CODES['def __create_fn__(_type_entry, _type_results, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_results, _return_type):\n def __init__(self,entry:_type_entry,results:_type_results=_HAS_DEFAULT_FACTORY)->_return_type:\n  self.entry=entry\n  self.results=_dflt_results() if results is _HAS_DEFAULT_FACTORY else results\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_run_id, _type_path, _type_entries, _type_active, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,run_id:_type_run_id,path:_type_path,entries:_type_entries,active:_type_active)->_return_type:
  self.run_id=run_id
  self.path=path
  self.entries=entries
  self.active=active
 return __init__
CODES['def __create_fn__(_type_run_id, _type_path, _type_entries, _type_active, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,run_id:_type_run_id,path:_type_path,entries:_type_entries,active:_type_active)->_return_type:\n  self.run_id=run_id\n  self.path=path\n  self.entries=entries\n  self.active=active\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_type, _type_dev, _type_ino, _type_mtime_ns, _type_mode, _type_tracked, _type_newest_mtime, _type_since_ns, _type_ctime_ns, _type_chain, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_since_ns, _dflt_ctime_ns, _dflt_chain, _return_type):
 def __init__(self,type:_type_type,dev:_type_dev,ino:_type_ino,mtime_ns:_type_mtime_ns,mode:_type_mode,tracked:_type_tracked,newest_mtime:_type_newest_mtime,since_ns:_type_since_ns=_dflt_since_ns,ctime_ns:_type_ctime_ns=_dflt_ctime_ns,chain:_type_chain=_dflt_chain)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'type',type)
  __dataclass_builtins_object__.__setattr__(self,'dev',dev)
  __dataclass_builtins_object__.__setattr__(self,'ino',ino)
  __dataclass_builtins_object__.__setattr__(self,'mtime_ns',mtime_ns)
  __dataclass_builtins_object__.__setattr__(self,'mode',mode)
  __dataclass_builtins_object__.__setattr__(self,'tracked',tracked)
  __dataclass_builtins_object__.__setattr__(self,'newest_mtime',newest_mtime)
  __dataclass_builtins_object__.__setattr__(self,'since_ns',since_ns)
  __dataclass_builtins_object__.__setattr__(self,'ctime_ns',ctime_ns)
  __dataclass_builtins_object__.__setattr__(self,'chain',chain)
 return __init__
CODES["def __create_fn__(_type_type, _type_dev, _type_ino, _type_mtime_ns, _type_mode, _type_tracked, _type_newest_mtime, _type_since_ns, _type_ctime_ns, _type_chain, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_since_ns, _dflt_ctime_ns, _dflt_chain, _return_type):\n def __init__(self,type:_type_type,dev:_type_dev,ino:_type_ino,mtime_ns:_type_mtime_ns,mode:_type_mode,tracked:_type_tracked,newest_mtime:_type_newest_mtime,since_ns:_type_since_ns=_dflt_since_ns,ctime_ns:_type_ctime_ns=_dflt_ctime_ns,chain:_type_chain=_dflt_chain)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'type',type)\n  __dataclass_builtins_object__.__setattr__(self,'dev',dev)\n  __dataclass_builtins_object__.__setattr__(self,'ino',ino)\n  __dataclass_builtins_object__.__setattr__(self,'mtime_ns',mtime_ns)\n  __dataclass_builtins_object__.__setattr__(self,'mode',mode)\n  __dataclass_builtins_object__.__setattr__(self,'tracked',tracked)\n  __dataclass_builtins_object__.__setattr__(self,'newest_mtime',newest_mtime)\n  __dataclass_builtins_object__.__setattr__(self,'since_ns',since_ns)\n  __dataclass_builtins_object__.__setattr__(self,'ctime_ns',ctime_ns)\n  __dataclass_builtins_object__.__setattr__(self,'chain',chain)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_path, _type_root, _type_scan_root, _type_rel, _type_is_repo, _type_code, _type_rule, _type_kind, _type_action, _type_applicability, _type_bytes, _type_disk_bytes, _type_files, _type_why, _type_regenerate, _type_activity, _type_expected, _type_of_folder, _type_linked_out, _type_ships, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_of_folder, _dflt_linked_out, _dflt_ships, _return_type):
 def __init__(self,path:_type_path,root:_type_root,scan_root:_type_scan_root,rel:_type_rel,is_repo:_type_is_repo,code:_type_code,rule:_type_rule,kind:_type_kind,action:_type_action,applicability:_type_applicability,bytes:_type_bytes,disk_bytes:_type_disk_bytes,files:_type_files,why:_type_why,regenerate:_type_regenerate,activity:_type_activity,expected:_type_expected,of_folder:_type_of_folder=_dflt_of_folder,linked_out:_type_linked_out=_dflt_linked_out,ships:_type_ships=_dflt_ships)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'path',path)
  __dataclass_builtins_object__.__setattr__(self,'root',root)
  __dataclass_builtins_object__.__setattr__(self,'scan_root',scan_root)
  __dataclass_builtins_object__.__setattr__(self,'rel',rel)
  __dataclass_builtins_object__.__setattr__(self,'is_repo',is_repo)
  __dataclass_builtins_object__.__setattr__(self,'code',code)
  __dataclass_builtins_object__.__setattr__(self,'rule',rule)
  __dataclass_builtins_object__.__setattr__(self,'kind',kind)
  __dataclass_builtins_object__.__setattr__(self,'action',action)
  __dataclass_builtins_object__.__setattr__(self,'applicability',applicability)
  __dataclass_builtins_object__.__setattr__(self,'bytes',bytes)
  __dataclass_builtins_object__.__setattr__(self,'disk_bytes',disk_bytes)
  __dataclass_builtins_object__.__setattr__(self,'files',files)
  __dataclass_builtins_object__.__setattr__(self,'why',why)
  __dataclass_builtins_object__.__setattr__(self,'regenerate',regenerate)
  __dataclass_builtins_object__.__setattr__(self,'activity',activity)
  __dataclass_builtins_object__.__setattr__(self,'expected',expected)
  __dataclass_builtins_object__.__setattr__(self,'of_folder',of_folder)
  __dataclass_builtins_object__.__setattr__(self,'linked_out',linked_out)
  __dataclass_builtins_object__.__setattr__(self,'ships',ships)
 return __init__
CODES["def __create_fn__(_type_path, _type_root, _type_scan_root, _type_rel, _type_is_repo, _type_code, _type_rule, _type_kind, _type_action, _type_applicability, _type_bytes, _type_disk_bytes, _type_files, _type_why, _type_regenerate, _type_activity, _type_expected, _type_of_folder, _type_linked_out, _type_ships, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_of_folder, _dflt_linked_out, _dflt_ships, _return_type):\n def __init__(self,path:_type_path,root:_type_root,scan_root:_type_scan_root,rel:_type_rel,is_repo:_type_is_repo,code:_type_code,rule:_type_rule,kind:_type_kind,action:_type_action,applicability:_type_applicability,bytes:_type_bytes,disk_bytes:_type_disk_bytes,files:_type_files,why:_type_why,regenerate:_type_regenerate,activity:_type_activity,expected:_type_expected,of_folder:_type_of_folder=_dflt_of_folder,linked_out:_type_linked_out=_dflt_linked_out,ships:_type_ships=_dflt_ships)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'path',path)\n  __dataclass_builtins_object__.__setattr__(self,'root',root)\n  __dataclass_builtins_object__.__setattr__(self,'scan_root',scan_root)\n  __dataclass_builtins_object__.__setattr__(self,'rel',rel)\n  __dataclass_builtins_object__.__setattr__(self,'is_repo',is_repo)\n  __dataclass_builtins_object__.__setattr__(self,'code',code)\n  __dataclass_builtins_object__.__setattr__(self,'rule',rule)\n  __dataclass_builtins_object__.__setattr__(self,'kind',kind)\n  __dataclass_builtins_object__.__setattr__(self,'action',action)\n  __dataclass_builtins_object__.__setattr__(self,'applicability',applicability)\n  __dataclass_builtins_object__.__setattr__(self,'bytes',bytes)\n  __dataclass_builtins_object__.__setattr__(self,'disk_bytes',disk_bytes)\n  __dataclass_builtins_object__.__setattr__(self,'files',files)\n  __dataclass_builtins_object__.__setattr__(self,'why',why)\n  __dataclass_builtins_object__.__setattr__(self,'regenerate',regenerate)\n  __dataclass_builtins_object__.__setattr__(self,'activity',activity)\n  __dataclass_builtins_object__.__setattr__(self,'expected',expected)\n  __dataclass_builtins_object__.__setattr__(self,'of_folder',of_folder)\n  __dataclass_builtins_object__.__setattr__(self,'linked_out',linked_out)\n  __dataclass_builtins_object__.__setattr__(self,'ships',ships)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_path, _type_code, _type_reason, _type_attention, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_attention, _return_type):
 def __init__(self,path:_type_path,code:_type_code,reason:_type_reason,attention:_type_attention=_dflt_attention)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'path',path)
  __dataclass_builtins_object__.__setattr__(self,'code',code)
  __dataclass_builtins_object__.__setattr__(self,'reason',reason)
  __dataclass_builtins_object__.__setattr__(self,'attention',attention)
 return __init__
CODES["def __create_fn__(_type_path, _type_code, _type_reason, _type_attention, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_attention, _return_type):\n def __init__(self,path:_type_path,code:_type_code,reason:_type_reason,attention:_type_attention=_dflt_attention)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'path',path)\n  __dataclass_builtins_object__.__setattr__(self,'code',code)\n  __dataclass_builtins_object__.__setattr__(self,'reason',reason)\n  __dataclass_builtins_object__.__setattr__(self,'attention',attention)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_unsafe, _type_select, _type_ignore, _type_kinds, _type_older_than, _type_now, _type_actions, _type_since_ns, _type_catalog, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_unsafe, _dflt_select, _dflt_ignore, _dflt_kinds, _dflt_older_than, _dflt_now, _dflt_actions, _dflt_since_ns, _dflt_catalog, _return_type):
 def __init__(self,unsafe:_type_unsafe=_dflt_unsafe,select:_type_select=_dflt_select,ignore:_type_ignore=_dflt_ignore,kinds:_type_kinds=_dflt_kinds,older_than:_type_older_than=_dflt_older_than,now:_type_now=_dflt_now,actions:_type_actions=_dflt_actions,since_ns:_type_since_ns=_dflt_since_ns,catalog:_type_catalog=_dflt_catalog)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'unsafe',unsafe)
  __dataclass_builtins_object__.__setattr__(self,'select',select)
  __dataclass_builtins_object__.__setattr__(self,'ignore',ignore)
  __dataclass_builtins_object__.__setattr__(self,'kinds',kinds)
  __dataclass_builtins_object__.__setattr__(self,'older_than',older_than)
  __dataclass_builtins_object__.__setattr__(self,'now',now)
  __dataclass_builtins_object__.__setattr__(self,'actions',actions)
  __dataclass_builtins_object__.__setattr__(self,'since_ns',since_ns)
  __dataclass_builtins_object__.__setattr__(self,'catalog',catalog)
 return __init__
CODES["def __create_fn__(_type_unsafe, _type_select, _type_ignore, _type_kinds, _type_older_than, _type_now, _type_actions, _type_since_ns, _type_catalog, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_unsafe, _dflt_select, _dflt_ignore, _dflt_kinds, _dflt_older_than, _dflt_now, _dflt_actions, _dflt_since_ns, _dflt_catalog, _return_type):\n def __init__(self,unsafe:_type_unsafe=_dflt_unsafe,select:_type_select=_dflt_select,ignore:_type_ignore=_dflt_ignore,kinds:_type_kinds=_dflt_kinds,older_than:_type_older_than=_dflt_older_than,now:_type_now=_dflt_now,actions:_type_actions=_dflt_actions,since_ns:_type_since_ns=_dflt_since_ns,catalog:_type_catalog=_dflt_catalog)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'unsafe',unsafe)\n  __dataclass_builtins_object__.__setattr__(self,'select',select)\n  __dataclass_builtins_object__.__setattr__(self,'ignore',ignore)\n  __dataclass_builtins_object__.__setattr__(self,'kinds',kinds)\n  __dataclass_builtins_object__.__setattr__(self,'older_than',older_than)\n  __dataclass_builtins_object__.__setattr__(self,'now',now)\n  __dataclass_builtins_object__.__setattr__(self,'actions',actions)\n  __dataclass_builtins_object__.__setattr__(self,'since_ns',since_ns)\n  __dataclass_builtins_object__.__setattr__(self,'catalog',catalog)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_roots, _type_actions, _type_left_out, _type_created, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_left_out, _dflt_created, _return_type):
 def __init__(self,roots:_type_roots,actions:_type_actions,left_out:_type_left_out=_dflt_left_out,created:_type_created=_dflt_created)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'roots',roots)
  __dataclass_builtins_object__.__setattr__(self,'actions',actions)
  __dataclass_builtins_object__.__setattr__(self,'left_out',left_out)
  __dataclass_builtins_object__.__setattr__(self,'created',created)
 return __init__
CODES["def __create_fn__(_type_roots, _type_actions, _type_left_out, _type_created, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_left_out, _dflt_created, _return_type):\n def __init__(self,roots:_type_roots,actions:_type_actions,left_out:_type_left_out=_dflt_left_out,created:_type_created=_dflt_created)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'roots',roots)\n  __dataclass_builtins_object__.__setattr__(self,'actions',actions)\n  __dataclass_builtins_object__.__setattr__(self,'left_out',left_out)\n  __dataclass_builtins_object__.__setattr__(self,'created',created)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_path, _type_action, _type_status, _type_reason, _type_attention, _type_bytes, _type_files, _type_where, _type_code, _type_run, _type_in_use, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_reason, _dflt_attention, _dflt_bytes, _dflt_files, _dflt_where, _dflt_code, _dflt_run, _dflt_in_use, _return_type):
 def __init__(self,path:_type_path,action:_type_action,status:_type_status,reason:_type_reason=_dflt_reason,attention:_type_attention=_dflt_attention,bytes:_type_bytes=_dflt_bytes,files:_type_files=_dflt_files,where:_type_where=_dflt_where,code:_type_code=_dflt_code,run:_type_run=_dflt_run,in_use:_type_in_use=_dflt_in_use)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'path',path)
  __dataclass_builtins_object__.__setattr__(self,'action',action)
  __dataclass_builtins_object__.__setattr__(self,'status',status)
  __dataclass_builtins_object__.__setattr__(self,'reason',reason)
  __dataclass_builtins_object__.__setattr__(self,'attention',attention)
  __dataclass_builtins_object__.__setattr__(self,'bytes',bytes)
  __dataclass_builtins_object__.__setattr__(self,'files',files)
  __dataclass_builtins_object__.__setattr__(self,'where',where)
  __dataclass_builtins_object__.__setattr__(self,'code',code)
  __dataclass_builtins_object__.__setattr__(self,'run',run)
  __dataclass_builtins_object__.__setattr__(self,'in_use',in_use)
 return __init__
CODES["def __create_fn__(_type_path, _type_action, _type_status, _type_reason, _type_attention, _type_bytes, _type_files, _type_where, _type_code, _type_run, _type_in_use, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_reason, _dflt_attention, _dflt_bytes, _dflt_files, _dflt_where, _dflt_code, _dflt_run, _dflt_in_use, _return_type):\n def __init__(self,path:_type_path,action:_type_action,status:_type_status,reason:_type_reason=_dflt_reason,attention:_type_attention=_dflt_attention,bytes:_type_bytes=_dflt_bytes,files:_type_files=_dflt_files,where:_type_where=_dflt_where,code:_type_code=_dflt_code,run:_type_run=_dflt_run,in_use:_type_in_use=_dflt_in_use)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'path',path)\n  __dataclass_builtins_object__.__setattr__(self,'action',action)\n  __dataclass_builtins_object__.__setattr__(self,'status',status)\n  __dataclass_builtins_object__.__setattr__(self,'reason',reason)\n  __dataclass_builtins_object__.__setattr__(self,'attention',attention)\n  __dataclass_builtins_object__.__setattr__(self,'bytes',bytes)\n  __dataclass_builtins_object__.__setattr__(self,'files',files)\n  __dataclass_builtins_object__.__setattr__(self,'where',where)\n  __dataclass_builtins_object__.__setattr__(self,'code',code)\n  __dataclass_builtins_object__.__setattr__(self,'run',run)\n  __dataclass_builtins_object__.__setattr__(self,'in_use',in_use)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_skip_recent, _type_now, _type_stop, _type_editors, _type_in_use, _type_config, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_skip_recent, _dflt_now, _dflt_stop, _dflt_editors, _dflt_in_use, _dflt_config, _return_type):
 def __init__(self,skip_recent:_type_skip_recent=_dflt_skip_recent,now:_type_now=_dflt_now,stop:_type_stop=_dflt_stop,editors:_type_editors=_dflt_editors,in_use:_type_in_use=_dflt_in_use,config:_type_config=_dflt_config)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'skip_recent',skip_recent)
  __dataclass_builtins_object__.__setattr__(self,'now',now)
  __dataclass_builtins_object__.__setattr__(self,'stop',stop)
  __dataclass_builtins_object__.__setattr__(self,'editors',editors)
  __dataclass_builtins_object__.__setattr__(self,'in_use',in_use)
  __dataclass_builtins_object__.__setattr__(self,'config',config)
 return __init__
CODES["def __create_fn__(_type_skip_recent, _type_now, _type_stop, _type_editors, _type_in_use, _type_config, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_skip_recent, _dflt_now, _dflt_stop, _dflt_editors, _dflt_in_use, _dflt_config, _return_type):\n def __init__(self,skip_recent:_type_skip_recent=_dflt_skip_recent,now:_type_now=_dflt_now,stop:_type_stop=_dflt_stop,editors:_type_editors=_dflt_editors,in_use:_type_in_use=_dflt_in_use,config:_type_config=_dflt_config)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'skip_recent',skip_recent)\n  __dataclass_builtins_object__.__setattr__(self,'now',now)\n  __dataclass_builtins_object__.__setattr__(self,'stop',stop)\n  __dataclass_builtins_object__.__setattr__(self,'editors',editors)\n  __dataclass_builtins_object__.__setattr__(self,'in_use',in_use)\n  __dataclass_builtins_object__.__setattr__(self,'config',config)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_paths, _type_fds, _type_stats, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_paths, _dflt_fds, _dflt_stats, _return_type):
 def __init__(self,paths:_type_paths=_HAS_DEFAULT_FACTORY,fds:_type_fds=_HAS_DEFAULT_FACTORY,stats:_type_stats=_HAS_DEFAULT_FACTORY)->_return_type:
  self.paths=_dflt_paths() if paths is _HAS_DEFAULT_FACTORY else paths
  self.fds=_dflt_fds() if fds is _HAS_DEFAULT_FACTORY else fds
  self.stats=_dflt_stats() if stats is _HAS_DEFAULT_FACTORY else stats
 return __init__
CODES['def __create_fn__(_type_paths, _type_fds, _type_stats, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_paths, _dflt_fds, _dflt_stats, _return_type):\n def __init__(self,paths:_type_paths=_HAS_DEFAULT_FACTORY,fds:_type_fds=_HAS_DEFAULT_FACTORY,stats:_type_stats=_HAS_DEFAULT_FACTORY)->_return_type:\n  self.paths=_dflt_paths() if paths is _HAS_DEFAULT_FACTORY else paths\n  self.fds=_dflt_fds() if fds is _HAS_DEFAULT_FACTORY else fds\n  self.stats=_dflt_stats() if stats is _HAS_DEFAULT_FACTORY else stats\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_since_ns, _type_dev, _type_same_bytes, _type_unlinked, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_same_bytes, _dflt_unlinked, _return_type):
 def __init__(self,since_ns:_type_since_ns,dev:_type_dev,same_bytes:_type_same_bytes=_dflt_same_bytes,unlinked:_type_unlinked=_HAS_DEFAULT_FACTORY)->_return_type:
  self.since_ns=since_ns
  self.dev=dev
  self.same_bytes=same_bytes
  self.unlinked=_dflt_unlinked() if unlinked is _HAS_DEFAULT_FACTORY else unlinked
 return __init__
CODES['def __create_fn__(_type_since_ns, _type_dev, _type_same_bytes, _type_unlinked, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_same_bytes, _dflt_unlinked, _return_type):\n def __init__(self,since_ns:_type_since_ns,dev:_type_dev,same_bytes:_type_same_bytes=_dflt_same_bytes,unlinked:_type_unlinked=_HAS_DEFAULT_FACTORY)->_return_type:\n  self.since_ns=since_ns\n  self.dev=dev\n  self.same_bytes=same_bytes\n  self.unlinked=_dflt_unlinked() if unlinked is _HAS_DEFAULT_FACTORY else unlinked\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_reason, _type_attention, _type_use, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_use, _return_type):
 def __init__(self,reason:_type_reason,attention:_type_attention,use:_type_use=_dflt_use)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'reason',reason)
  __dataclass_builtins_object__.__setattr__(self,'attention',attention)
  __dataclass_builtins_object__.__setattr__(self,'use',use)
 return __init__
CODES["def __create_fn__(_type_reason, _type_attention, _type_use, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_use, _return_type):\n def __init__(self,reason:_type_reason,attention:_type_attention,use:_type_use=_dflt_use)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'reason',reason)\n  __dataclass_builtins_object__.__setattr__(self,'attention',attention)\n  __dataclass_builtins_object__.__setattr__(self,'use',use)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_chain, _type_name, _type_st, _type_fd, _type_source, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_source, _return_type):
 def __init__(self,chain:_type_chain,name:_type_name,st:_type_st,fd:_type_fd,source:_type_source=_dflt_source)->_return_type:
  self.chain=chain
  self.name=name
  self.st=st
  self.fd=fd
  self.source=source
 return __init__
CODES['def __create_fn__(_type_chain, _type_name, _type_st, _type_fd, _type_source, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_source, _return_type):\n def __init__(self,chain:_type_chain,name:_type_name,st:_type_st,fd:_type_fd,source:_type_source=_dflt_source)->_return_type:\n  self.chain=chain\n  self.name=name\n  self.st=st\n  self.fd=fd\n  self.source=source\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_path, _type_fd, _type_run, _type_shared, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_shared, _return_type):
 def __init__(self,path:_type_path,fd:_type_fd,run:_type_run,shared:_type_shared=_dflt_shared)->_return_type:
  self.path=path
  self.fd=fd
  self.run=run
  self.shared=shared
 return __init__
CODES['def __create_fn__(_type_path, _type_fd, _type_run, _type_shared, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_shared, _return_type):\n def __init__(self,path:_type_path,fd:_type_fd,run:_type_run,shared:_type_shared=_dflt_shared)->_return_type:\n  self.path=path\n  self.fd=fd\n  self.run=run\n  self.shared=shared\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_path, _type_fd, _type_names, _type_holders, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_holders, _return_type):
 def __init__(self,path:_type_path,fd:_type_fd,names:_type_names,holders:_type_holders=_dflt_holders)->_return_type:
  self.path=path
  self.fd=fd
  self.names=names
  self.holders=holders
 return __init__
CODES['def __create_fn__(_type_path, _type_fd, _type_names, _type_holders, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_holders, _return_type):\n def __init__(self,path:_type_path,fd:_type_fd,names:_type_names,holders:_type_holders=_dflt_holders)->_return_type:\n  self.path=path\n  self.fd=fd\n  self.names=names\n  self.holders=holders\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_chain, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,chain:_type_chain)->_return_type:
  self.chain=chain
 return __init__
CODES['def __create_fn__(_type_chain, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,chain:_type_chain)->_return_type:\n  self.chain=chain\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_anchor, _type_parts, _type_kind, _type_level, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_level, _return_type):
 def __init__(self,anchor:_type_anchor,parts:_type_parts,kind:_type_kind,level:_type_level=_dflt_level)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'anchor',anchor)
  __dataclass_builtins_object__.__setattr__(self,'parts',parts)
  __dataclass_builtins_object__.__setattr__(self,'kind',kind)
  __dataclass_builtins_object__.__setattr__(self,'level',level)
 return __init__
CODES["def __create_fn__(_type_anchor, _type_parts, _type_kind, _type_level, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_level, _return_type):\n def __init__(self,anchor:_type_anchor,parts:_type_parts,kind:_type_kind,level:_type_level=_dflt_level)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'anchor',anchor)\n  __dataclass_builtins_object__.__setattr__(self,'parts',parts)\n  __dataclass_builtins_object__.__setattr__(self,'kind',kind)\n  __dataclass_builtins_object__.__setattr__(self,'level',level)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_scan_root, _type_src_parts, _type_name, _type_anchor, _type_base_parts, _type_run_id, _type_slot, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,scan_root:_type_scan_root,src_parts:_type_src_parts,name:_type_name,anchor:_type_anchor,base_parts:_type_base_parts,run_id:_type_run_id,slot:_type_slot)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'scan_root',scan_root)
  __dataclass_builtins_object__.__setattr__(self,'src_parts',src_parts)
  __dataclass_builtins_object__.__setattr__(self,'name',name)
  __dataclass_builtins_object__.__setattr__(self,'anchor',anchor)
  __dataclass_builtins_object__.__setattr__(self,'base_parts',base_parts)
  __dataclass_builtins_object__.__setattr__(self,'run_id',run_id)
  __dataclass_builtins_object__.__setattr__(self,'slot',slot)
 return __init__
CODES["def __create_fn__(_type_scan_root, _type_src_parts, _type_name, _type_anchor, _type_base_parts, _type_run_id, _type_slot, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,scan_root:_type_scan_root,src_parts:_type_src_parts,name:_type_name,anchor:_type_anchor,base_parts:_type_base_parts,run_id:_type_run_id,slot:_type_slot)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'scan_root',scan_root)\n  __dataclass_builtins_object__.__setattr__(self,'src_parts',src_parts)\n  __dataclass_builtins_object__.__setattr__(self,'name',name)\n  __dataclass_builtins_object__.__setattr__(self,'anchor',anchor)\n  __dataclass_builtins_object__.__setattr__(self,'base_parts',base_parts)\n  __dataclass_builtins_object__.__setattr__(self,'run_id',run_id)\n  __dataclass_builtins_object__.__setattr__(self,'slot',slot)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_run_id, _type_outcomes, _type_notes, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_outcomes, _dflt_notes, _return_type):
 def __init__(self,run_id:_type_run_id,outcomes:_type_outcomes=_dflt_outcomes,notes:_type_notes=_HAS_DEFAULT_FACTORY)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'run_id',run_id)
  __dataclass_builtins_object__.__setattr__(self,'outcomes',outcomes)
  __dataclass_builtins_object__.__setattr__(self,'notes',_dflt_notes() if notes is _HAS_DEFAULT_FACTORY else notes)
 return __init__
CODES["def __create_fn__(_type_run_id, _type_outcomes, _type_notes, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_outcomes, _dflt_notes, _return_type):\n def __init__(self,run_id:_type_run_id,outcomes:_type_outcomes=_dflt_outcomes,notes:_type_notes=_HAS_DEFAULT_FACTORY)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'run_id',run_id)\n  __dataclass_builtins_object__.__setattr__(self,'outcomes',outcomes)\n  __dataclass_builtins_object__.__setattr__(self,'notes',_dflt_notes() if notes is _HAS_DEFAULT_FACTORY else notes)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_run_id, _type_path, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,run_id:_type_run_id,path:_type_path)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'run_id',run_id)
  __dataclass_builtins_object__.__setattr__(self,'path',path)
 return __init__
CODES["def __create_fn__(_type_run_id, _type_path, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,run_id:_type_run_id,path:_type_path)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'run_id',run_id)\n  __dataclass_builtins_object__.__setattr__(self,'path',path)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_run_id, _type_started, _type_finished, _type_command, _type_items, _type_bytes, _type_files, _type_status, _type_locations, _type_skipped, _type_failed, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,run_id:_type_run_id,started:_type_started,finished:_type_finished,command:_type_command,items:_type_items,bytes:_type_bytes,files:_type_files,status:_type_status,locations:_type_locations,skipped:_type_skipped,failed:_type_failed)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'run_id',run_id)
  __dataclass_builtins_object__.__setattr__(self,'started',started)
  __dataclass_builtins_object__.__setattr__(self,'finished',finished)
  __dataclass_builtins_object__.__setattr__(self,'command',command)
  __dataclass_builtins_object__.__setattr__(self,'items',items)
  __dataclass_builtins_object__.__setattr__(self,'bytes',bytes)
  __dataclass_builtins_object__.__setattr__(self,'files',files)
  __dataclass_builtins_object__.__setattr__(self,'status',status)
  __dataclass_builtins_object__.__setattr__(self,'locations',locations)
  __dataclass_builtins_object__.__setattr__(self,'skipped',skipped)
  __dataclass_builtins_object__.__setattr__(self,'failed',failed)
 return __init__
CODES["def __create_fn__(_type_run_id, _type_started, _type_finished, _type_command, _type_items, _type_bytes, _type_files, _type_status, _type_locations, _type_skipped, _type_failed, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,run_id:_type_run_id,started:_type_started,finished:_type_finished,command:_type_command,items:_type_items,bytes:_type_bytes,files:_type_files,status:_type_status,locations:_type_locations,skipped:_type_skipped,failed:_type_failed)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'run_id',run_id)\n  __dataclass_builtins_object__.__setattr__(self,'started',started)\n  __dataclass_builtins_object__.__setattr__(self,'finished',finished)\n  __dataclass_builtins_object__.__setattr__(self,'command',command)\n  __dataclass_builtins_object__.__setattr__(self,'items',items)\n  __dataclass_builtins_object__.__setattr__(self,'bytes',bytes)\n  __dataclass_builtins_object__.__setattr__(self,'files',files)\n  __dataclass_builtins_object__.__setattr__(self,'status',status)\n  __dataclass_builtins_object__.__setattr__(self,'locations',locations)\n  __dataclass_builtins_object__.__setattr__(self,'skipped',skipped)\n  __dataclass_builtins_object__.__setattr__(self,'failed',failed)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_run_id, _type_items, _type_bytes, _type_errors, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,run_id:_type_run_id,items:_type_items,bytes:_type_bytes,errors:_type_errors)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'run_id',run_id)
  __dataclass_builtins_object__.__setattr__(self,'items',items)
  __dataclass_builtins_object__.__setattr__(self,'bytes',bytes)
  __dataclass_builtins_object__.__setattr__(self,'errors',errors)
 return __init__
CODES["def __create_fn__(_type_run_id, _type_items, _type_bytes, _type_errors, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,run_id:_type_run_id,items:_type_items,bytes:_type_bytes,errors:_type_errors)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'run_id',run_id)\n  __dataclass_builtins_object__.__setattr__(self,'items',items)\n  __dataclass_builtins_object__.__setattr__(self,'bytes',bytes)\n  __dataclass_builtins_object__.__setattr__(self,'errors',errors)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_removed, _type_left, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_removed, _dflt_left, _return_type):
 def __init__(self,removed:_type_removed=_HAS_DEFAULT_FACTORY,left:_type_left=_HAS_DEFAULT_FACTORY)->_return_type:
  self.removed=_dflt_removed() if removed is _HAS_DEFAULT_FACTORY else removed
  self.left=_dflt_left() if left is _HAS_DEFAULT_FACTORY else left
 return __init__
CODES['def __create_fn__(_type_removed, _type_left, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_removed, _dflt_left, _return_type):\n def __init__(self,removed:_type_removed=_HAS_DEFAULT_FACTORY,left:_type_left=_HAS_DEFAULT_FACTORY)->_return_type:\n  self.removed=_dflt_removed() if removed is _HAS_DEFAULT_FACTORY else removed\n  self.left=_dflt_left() if left is _HAS_DEFAULT_FACTORY else left\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_pid, _type_name, _type_command, _type_cwd, _type_exe, _type_open, _type_mapped, _type_watched, _type_given, _type_tidy, _type_ancestor, _type_by_tidy, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_cwd, _dflt_exe, _dflt_open, _dflt_mapped, _dflt_watched, _dflt_given, _dflt_tidy, _dflt_ancestor, _dflt_by_tidy, _return_type):
 def __init__(self,pid:_type_pid,name:_type_name,command:_type_command,cwd:_type_cwd=_dflt_cwd,exe:_type_exe=_dflt_exe,open:_type_open=_dflt_open,mapped:_type_mapped=_dflt_mapped,watched:_type_watched=_dflt_watched,given:_type_given=_dflt_given,tidy:_type_tidy=_dflt_tidy,ancestor:_type_ancestor=_dflt_ancestor,by_tidy:_type_by_tidy=_dflt_by_tidy)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'pid',pid)
  __dataclass_builtins_object__.__setattr__(self,'name',name)
  __dataclass_builtins_object__.__setattr__(self,'command',command)
  __dataclass_builtins_object__.__setattr__(self,'cwd',cwd)
  __dataclass_builtins_object__.__setattr__(self,'exe',exe)
  __dataclass_builtins_object__.__setattr__(self,'open',open)
  __dataclass_builtins_object__.__setattr__(self,'mapped',mapped)
  __dataclass_builtins_object__.__setattr__(self,'watched',watched)
  __dataclass_builtins_object__.__setattr__(self,'given',given)
  __dataclass_builtins_object__.__setattr__(self,'tidy',tidy)
  __dataclass_builtins_object__.__setattr__(self,'ancestor',ancestor)
  __dataclass_builtins_object__.__setattr__(self,'by_tidy',by_tidy)
 return __init__
CODES["def __create_fn__(_type_pid, _type_name, _type_command, _type_cwd, _type_exe, _type_open, _type_mapped, _type_watched, _type_given, _type_tidy, _type_ancestor, _type_by_tidy, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_cwd, _dflt_exe, _dflt_open, _dflt_mapped, _dflt_watched, _dflt_given, _dflt_tidy, _dflt_ancestor, _dflt_by_tidy, _return_type):\n def __init__(self,pid:_type_pid,name:_type_name,command:_type_command,cwd:_type_cwd=_dflt_cwd,exe:_type_exe=_dflt_exe,open:_type_open=_dflt_open,mapped:_type_mapped=_dflt_mapped,watched:_type_watched=_dflt_watched,given:_type_given=_dflt_given,tidy:_type_tidy=_dflt_tidy,ancestor:_type_ancestor=_dflt_ancestor,by_tidy:_type_by_tidy=_dflt_by_tidy)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'pid',pid)\n  __dataclass_builtins_object__.__setattr__(self,'name',name)\n  __dataclass_builtins_object__.__setattr__(self,'command',command)\n  __dataclass_builtins_object__.__setattr__(self,'cwd',cwd)\n  __dataclass_builtins_object__.__setattr__(self,'exe',exe)\n  __dataclass_builtins_object__.__setattr__(self,'open',open)\n  __dataclass_builtins_object__.__setattr__(self,'mapped',mapped)\n  __dataclass_builtins_object__.__setattr__(self,'watched',watched)\n  __dataclass_builtins_object__.__setattr__(self,'given',given)\n  __dataclass_builtins_object__.__setattr__(self,'tidy',tidy)\n  __dataclass_builtins_object__.__setattr__(self,'ancestor',ancestor)\n  __dataclass_builtins_object__.__setattr__(self,'by_tidy',by_tidy)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_processes, _type_blind, _type_unreadable, _type_listed, _type_seconds, _type_notes, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_processes, _dflt_blind, _dflt_unreadable, _dflt_listed, _dflt_seconds, _dflt_notes, _return_type):
 def __init__(self,processes:_type_processes=_dflt_processes,blind:_type_blind=_dflt_blind,unreadable:_type_unreadable=_dflt_unreadable,listed:_type_listed=_dflt_listed,seconds:_type_seconds=_dflt_seconds,notes:_type_notes=_HAS_DEFAULT_FACTORY)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'processes',processes)
  __dataclass_builtins_object__.__setattr__(self,'blind',blind)
  __dataclass_builtins_object__.__setattr__(self,'unreadable',unreadable)
  __dataclass_builtins_object__.__setattr__(self,'listed',listed)
  __dataclass_builtins_object__.__setattr__(self,'seconds',seconds)
  __dataclass_builtins_object__.__setattr__(self,'notes',_dflt_notes() if notes is _HAS_DEFAULT_FACTORY else notes)
 return __init__
CODES["def __create_fn__(_type_processes, _type_blind, _type_unreadable, _type_listed, _type_seconds, _type_notes, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_processes, _dflt_blind, _dflt_unreadable, _dflt_listed, _dflt_seconds, _dflt_notes, _return_type):\n def __init__(self,processes:_type_processes=_dflt_processes,blind:_type_blind=_dflt_blind,unreadable:_type_unreadable=_dflt_unreadable,listed:_type_listed=_dflt_listed,seconds:_type_seconds=_dflt_seconds,notes:_type_notes=_HAS_DEFAULT_FACTORY)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'processes',processes)\n  __dataclass_builtins_object__.__setattr__(self,'blind',blind)\n  __dataclass_builtins_object__.__setattr__(self,'unreadable',unreadable)\n  __dataclass_builtins_object__.__setattr__(self,'listed',listed)\n  __dataclass_builtins_object__.__setattr__(self,'seconds',seconds)\n  __dataclass_builtins_object__.__setattr__(self,'notes',_dflt_notes() if notes is _HAS_DEFAULT_FACTORY else notes)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_how, _type_where, _type_pid, _type_name, _type_command, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_pid, _dflt_name, _dflt_command, _return_type):
 def __init__(self,how:_type_how,where:_type_where,pid:_type_pid=_dflt_pid,name:_type_name=_dflt_name,command:_type_command=_dflt_command)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'how',how)
  __dataclass_builtins_object__.__setattr__(self,'where',where)
  __dataclass_builtins_object__.__setattr__(self,'pid',pid)
  __dataclass_builtins_object__.__setattr__(self,'name',name)
  __dataclass_builtins_object__.__setattr__(self,'command',command)
 return __init__
CODES["def __create_fn__(_type_how, _type_where, _type_pid, _type_name, _type_command, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_pid, _dflt_name, _dflt_command, _return_type):\n def __init__(self,how:_type_how,where:_type_where,pid:_type_pid=_dflt_pid,name:_type_name=_dflt_name,command:_type_command=_dflt_command)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'how',how)\n  __dataclass_builtins_object__.__setattr__(self,'where',where)\n  __dataclass_builtins_object__.__setattr__(self,'pid',pid)\n  __dataclass_builtins_object__.__setattr__(self,'name',name)\n  __dataclass_builtins_object__.__setattr__(self,'command',command)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_paths, _type_config, _type_yes, _type_dry_run, _type_diff, _type_unsafe, _type_select, _type_ignore, _type_kinds, _type_older_than, _type_skip_recent, _type_output_format, _type_can_ask, _type_width, _type_color, _type_editors, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_yes, _dflt_dry_run, _dflt_diff, _dflt_unsafe, _dflt_select, _dflt_ignore, _dflt_kinds, _dflt_older_than, _dflt_skip_recent, _dflt_output_format, _dflt_can_ask, _dflt_width, _dflt_color, _dflt_editors, _return_type):
 def __init__(self,paths:_type_paths,config:_type_config,yes:_type_yes=_dflt_yes,dry_run:_type_dry_run=_dflt_dry_run,diff:_type_diff=_dflt_diff,unsafe:_type_unsafe=_dflt_unsafe,select:_type_select=_dflt_select,ignore:_type_ignore=_dflt_ignore,kinds:_type_kinds=_dflt_kinds,older_than:_type_older_than=_dflt_older_than,skip_recent:_type_skip_recent=_dflt_skip_recent,output_format:_type_output_format=_dflt_output_format,can_ask:_type_can_ask=_dflt_can_ask,width:_type_width=_dflt_width,color:_type_color=_dflt_color,editors:_type_editors=_dflt_editors)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'paths',paths)
  __dataclass_builtins_object__.__setattr__(self,'config',config)
  __dataclass_builtins_object__.__setattr__(self,'yes',yes)
  __dataclass_builtins_object__.__setattr__(self,'dry_run',dry_run)
  __dataclass_builtins_object__.__setattr__(self,'diff',diff)
  __dataclass_builtins_object__.__setattr__(self,'unsafe',unsafe)
  __dataclass_builtins_object__.__setattr__(self,'select',select)
  __dataclass_builtins_object__.__setattr__(self,'ignore',ignore)
  __dataclass_builtins_object__.__setattr__(self,'kinds',kinds)
  __dataclass_builtins_object__.__setattr__(self,'older_than',older_than)
  __dataclass_builtins_object__.__setattr__(self,'skip_recent',skip_recent)
  __dataclass_builtins_object__.__setattr__(self,'output_format',output_format)
  __dataclass_builtins_object__.__setattr__(self,'can_ask',can_ask)
  __dataclass_builtins_object__.__setattr__(self,'width',width)
  __dataclass_builtins_object__.__setattr__(self,'color',color)
  __dataclass_builtins_object__.__setattr__(self,'editors',editors)
 return __init__
CODES["def __create_fn__(_type_paths, _type_config, _type_yes, _type_dry_run, _type_diff, _type_unsafe, _type_select, _type_ignore, _type_kinds, _type_older_than, _type_skip_recent, _type_output_format, _type_can_ask, _type_width, _type_color, _type_editors, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_yes, _dflt_dry_run, _dflt_diff, _dflt_unsafe, _dflt_select, _dflt_ignore, _dflt_kinds, _dflt_older_than, _dflt_skip_recent, _dflt_output_format, _dflt_can_ask, _dflt_width, _dflt_color, _dflt_editors, _return_type):\n def __init__(self,paths:_type_paths,config:_type_config,yes:_type_yes=_dflt_yes,dry_run:_type_dry_run=_dflt_dry_run,diff:_type_diff=_dflt_diff,unsafe:_type_unsafe=_dflt_unsafe,select:_type_select=_dflt_select,ignore:_type_ignore=_dflt_ignore,kinds:_type_kinds=_dflt_kinds,older_than:_type_older_than=_dflt_older_than,skip_recent:_type_skip_recent=_dflt_skip_recent,output_format:_type_output_format=_dflt_output_format,can_ask:_type_can_ask=_dflt_can_ask,width:_type_width=_dflt_width,color:_type_color=_dflt_color,editors:_type_editors=_dflt_editors)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'paths',paths)\n  __dataclass_builtins_object__.__setattr__(self,'config',config)\n  __dataclass_builtins_object__.__setattr__(self,'yes',yes)\n  __dataclass_builtins_object__.__setattr__(self,'dry_run',dry_run)\n  __dataclass_builtins_object__.__setattr__(self,'diff',diff)\n  __dataclass_builtins_object__.__setattr__(self,'unsafe',unsafe)\n  __dataclass_builtins_object__.__setattr__(self,'select',select)\n  __dataclass_builtins_object__.__setattr__(self,'ignore',ignore)\n  __dataclass_builtins_object__.__setattr__(self,'kinds',kinds)\n  __dataclass_builtins_object__.__setattr__(self,'older_than',older_than)\n  __dataclass_builtins_object__.__setattr__(self,'skip_recent',skip_recent)\n  __dataclass_builtins_object__.__setattr__(self,'output_format',output_format)\n  __dataclass_builtins_object__.__setattr__(self,'can_ask',can_ask)\n  __dataclass_builtins_object__.__setattr__(self,'width',width)\n  __dataclass_builtins_object__.__setattr__(self,'color',color)\n  __dataclass_builtins_object__.__setattr__(self,'editors',editors)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_run_id, _type_scope, _type_force, _type_yes, _type_output_format, _type_can_ask, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_run_id, _dflt_scope, _dflt_force, _dflt_yes, _dflt_output_format, _dflt_can_ask, _return_type):
 def __init__(self,run_id:_type_run_id=_dflt_run_id,scope:_type_scope=_dflt_scope,force:_type_force=_dflt_force,yes:_type_yes=_dflt_yes,output_format:_type_output_format=_dflt_output_format,can_ask:_type_can_ask=_dflt_can_ask)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'run_id',run_id)
  __dataclass_builtins_object__.__setattr__(self,'scope',scope)
  __dataclass_builtins_object__.__setattr__(self,'force',force)
  __dataclass_builtins_object__.__setattr__(self,'yes',yes)
  __dataclass_builtins_object__.__setattr__(self,'output_format',output_format)
  __dataclass_builtins_object__.__setattr__(self,'can_ask',can_ask)
 return __init__
CODES["def __create_fn__(_type_run_id, _type_scope, _type_force, _type_yes, _type_output_format, _type_can_ask, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_run_id, _dflt_scope, _dflt_force, _dflt_yes, _dflt_output_format, _dflt_can_ask, _return_type):\n def __init__(self,run_id:_type_run_id=_dflt_run_id,scope:_type_scope=_dflt_scope,force:_type_force=_dflt_force,yes:_type_yes=_dflt_yes,output_format:_type_output_format=_dflt_output_format,can_ask:_type_can_ask=_dflt_can_ask)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'run_id',run_id)\n  __dataclass_builtins_object__.__setattr__(self,'scope',scope)\n  __dataclass_builtins_object__.__setattr__(self,'force',force)\n  __dataclass_builtins_object__.__setattr__(self,'yes',yes)\n  __dataclass_builtins_object__.__setattr__(self,'output_format',output_format)\n  __dataclass_builtins_object__.__setattr__(self,'can_ask',can_ask)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_run_id, _type_outcomes, _type_recovered, _type_blind, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_recovered, _dflt_blind, _return_type):
 def __init__(self,run_id:_type_run_id,outcomes:_type_outcomes,recovered:_type_recovered=_dflt_recovered,blind:_type_blind=_dflt_blind)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'run_id',run_id)
  __dataclass_builtins_object__.__setattr__(self,'outcomes',outcomes)
  __dataclass_builtins_object__.__setattr__(self,'recovered',recovered)
  __dataclass_builtins_object__.__setattr__(self,'blind',blind)
 return __init__
CODES["def __create_fn__(_type_run_id, _type_outcomes, _type_recovered, _type_blind, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_recovered, _dflt_blind, _return_type):\n def __init__(self,run_id:_type_run_id,outcomes:_type_outcomes,recovered:_type_recovered=_dflt_recovered,blind:_type_blind=_dflt_blind)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'run_id',run_id)\n  __dataclass_builtins_object__.__setattr__(self,'outcomes',outcomes)\n  __dataclass_builtins_object__.__setattr__(self,'recovered',recovered)\n  __dataclass_builtins_object__.__setattr__(self,'blind',blind)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_key, _type_title, _type_width, _type_right, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_right, _return_type):
 def __init__(self,key:_type_key,title:_type_title,width:_type_width,right:_type_right=_dflt_right)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'key',key)
  __dataclass_builtins_object__.__setattr__(self,'title',title)
  __dataclass_builtins_object__.__setattr__(self,'width',width)
  __dataclass_builtins_object__.__setattr__(self,'right',right)
 return __init__
CODES["def __create_fn__(_type_key, _type_title, _type_width, _type_right, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_right, _return_type):\n def __init__(self,key:_type_key,title:_type_title,width:_type_width,right:_type_right=_dflt_right)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'key',key)\n  __dataclass_builtins_object__.__setattr__(self,'title',title)\n  __dataclass_builtins_object__.__setattr__(self,'width',width)\n  __dataclass_builtins_object__.__setattr__(self,'right',right)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_name, _type_path, _type_kids, _type_own_bytes, _type_own_files, _type_explored, _type_block, _type_synthetic, _type_total_bytes, _type_total_files, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_kids, _dflt_own_bytes, _dflt_own_files, _dflt_explored, _dflt_block, _dflt_synthetic, _dflt_total_bytes, _dflt_total_files, _return_type):
 def __init__(self,name:_type_name,path:_type_path,kids:_type_kids=_HAS_DEFAULT_FACTORY,own_bytes:_type_own_bytes=_dflt_own_bytes,own_files:_type_own_files=_dflt_own_files,explored:_type_explored=_dflt_explored,block:_type_block=_dflt_block,synthetic:_type_synthetic=_dflt_synthetic,total_bytes:_type_total_bytes=_dflt_total_bytes,total_files:_type_total_files=_dflt_total_files)->_return_type:
  self.name=name
  self.path=path
  self.kids=_dflt_kids() if kids is _HAS_DEFAULT_FACTORY else kids
  self.own_bytes=own_bytes
  self.own_files=own_files
  self.explored=explored
  self.block=block
  self.synthetic=synthetic
  self.total_bytes=total_bytes
  self.total_files=total_files
 return __init__
CODES['def __create_fn__(_type_name, _type_path, _type_kids, _type_own_bytes, _type_own_files, _type_explored, _type_block, _type_synthetic, _type_total_bytes, _type_total_files, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_kids, _dflt_own_bytes, _dflt_own_files, _dflt_explored, _dflt_block, _dflt_synthetic, _dflt_total_bytes, _dflt_total_files, _return_type):\n def __init__(self,name:_type_name,path:_type_path,kids:_type_kids=_HAS_DEFAULT_FACTORY,own_bytes:_type_own_bytes=_dflt_own_bytes,own_files:_type_own_files=_dflt_own_files,explored:_type_explored=_dflt_explored,block:_type_block=_dflt_block,synthetic:_type_synthetic=_dflt_synthetic,total_bytes:_type_total_bytes=_dflt_total_bytes,total_files:_type_total_files=_dflt_total_files)->_return_type:\n  self.name=name\n  self.path=path\n  self.kids=_dflt_kids() if kids is _HAS_DEFAULT_FACTORY else kids\n  self.own_bytes=own_bytes\n  self.own_files=own_files\n  self.explored=explored\n  self.block=block\n  self.synthetic=synthetic\n  self.total_bytes=total_bytes\n  self.total_files=total_files\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_node, _type_own, _type_added, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,node:_type_node,own:_type_own,added:_type_added)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'node',node)
  __dataclass_builtins_object__.__setattr__(self,'own',own)
  __dataclass_builtins_object__.__setattr__(self,'added',added)
 return __init__
CODES["def __create_fn__(_type_node, _type_own, _type_added, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,node:_type_node,own:_type_own,added:_type_added)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'node',node)\n  __dataclass_builtins_object__.__setattr__(self,'own',own)\n  __dataclass_builtins_object__.__setattr__(self,'added',added)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_name, _type_path, _type_kids, _type_own_bytes, _type_own_files, _type_explored, _type_block, _type_synthetic, _type_total_bytes, _type_total_files, _type_keys, _type_gone, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_kids, _dflt_own_bytes, _dflt_own_files, _dflt_explored, _dflt_block, _dflt_synthetic, _dflt_total_bytes, _dflt_total_files, _dflt_keys, _dflt_gone, _return_type):
 def __init__(self,name:_type_name,path:_type_path,kids:_type_kids=_HAS_DEFAULT_FACTORY,own_bytes:_type_own_bytes=_dflt_own_bytes,own_files:_type_own_files=_dflt_own_files,explored:_type_explored=_dflt_explored,block:_type_block=_dflt_block,synthetic:_type_synthetic=_dflt_synthetic,total_bytes:_type_total_bytes=_dflt_total_bytes,total_files:_type_total_files=_dflt_total_files,keys:_type_keys=_HAS_DEFAULT_FACTORY,gone:_type_gone=_dflt_gone)->_return_type:
  self.name=name
  self.path=path
  self.kids=_dflt_kids() if kids is _HAS_DEFAULT_FACTORY else kids
  self.own_bytes=own_bytes
  self.own_files=own_files
  self.explored=explored
  self.block=block
  self.synthetic=synthetic
  self.total_bytes=total_bytes
  self.total_files=total_files
  self.keys=_dflt_keys() if keys is _HAS_DEFAULT_FACTORY else keys
  self.gone=gone
 return __init__
CODES['def __create_fn__(_type_name, _type_path, _type_kids, _type_own_bytes, _type_own_files, _type_explored, _type_block, _type_synthetic, _type_total_bytes, _type_total_files, _type_keys, _type_gone, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_kids, _dflt_own_bytes, _dflt_own_files, _dflt_explored, _dflt_block, _dflt_synthetic, _dflt_total_bytes, _dflt_total_files, _dflt_keys, _dflt_gone, _return_type):\n def __init__(self,name:_type_name,path:_type_path,kids:_type_kids=_HAS_DEFAULT_FACTORY,own_bytes:_type_own_bytes=_dflt_own_bytes,own_files:_type_own_files=_dflt_own_files,explored:_type_explored=_dflt_explored,block:_type_block=_dflt_block,synthetic:_type_synthetic=_dflt_synthetic,total_bytes:_type_total_bytes=_dflt_total_bytes,total_files:_type_total_files=_dflt_total_files,keys:_type_keys=_HAS_DEFAULT_FACTORY,gone:_type_gone=_dflt_gone)->_return_type:\n  self.name=name\n  self.path=path\n  self.kids=_dflt_kids() if kids is _HAS_DEFAULT_FACTORY else kids\n  self.own_bytes=own_bytes\n  self.own_files=own_files\n  self.explored=explored\n  self.block=block\n  self.synthetic=synthetic\n  self.total_bytes=total_bytes\n  self.total_files=total_files\n  self.keys=_dflt_keys() if keys is _HAS_DEFAULT_FACTORY else keys\n  self.gone=gone\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_paths, _type_config, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,paths:_type_paths,config:_type_config)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'paths',paths)
  __dataclass_builtins_object__.__setattr__(self,'config',config)
 return __init__
CODES["def __create_fn__(_type_paths, _type_config, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,paths:_type_paths,config:_type_config)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'paths',paths)\n  __dataclass_builtins_object__.__setattr__(self,'config',config)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_entries, _type_bytes, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,entries:_type_entries,bytes:_type_bytes)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'entries',entries)
  __dataclass_builtins_object__.__setattr__(self,'bytes',bytes)
 return __init__
CODES["def __create_fn__(_type_entries, _type_bytes, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,entries:_type_entries,bytes:_type_bytes)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'entries',entries)\n  __dataclass_builtins_object__.__setattr__(self,'bytes',bytes)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_group, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,group:_type_group)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'group',group)
 return __init__
CODES["def __create_fn__(_type_group, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,group:_type_group)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'group',group)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_roots, _type_skipped, _type_warnings, _type_hidden_kinds, _type_duration_s, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,roots:_type_roots,skipped:_type_skipped,warnings:_type_warnings,hidden_kinds:_type_hidden_kinds,duration_s:_type_duration_s)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'roots',roots)
  __dataclass_builtins_object__.__setattr__(self,'skipped',skipped)
  __dataclass_builtins_object__.__setattr__(self,'warnings',warnings)
  __dataclass_builtins_object__.__setattr__(self,'hidden_kinds',hidden_kinds)
  __dataclass_builtins_object__.__setattr__(self,'duration_s',duration_s)
 return __init__
CODES["def __create_fn__(_type_roots, _type_skipped, _type_warnings, _type_hidden_kinds, _type_duration_s, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,roots:_type_roots,skipped:_type_skipped,warnings:_type_warnings,hidden_kinds:_type_hidden_kinds,duration_s:_type_duration_s)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'roots',roots)\n  __dataclass_builtins_object__.__setattr__(self,'skipped',skipped)\n  __dataclass_builtins_object__.__setattr__(self,'warnings',warnings)\n  __dataclass_builtins_object__.__setattr__(self,'hidden_kinds',hidden_kinds)\n  __dataclass_builtins_object__.__setattr__(self,'duration_s',duration_s)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_message, _type_usage, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_usage, _return_type):
 def __init__(self,message:_type_message,usage:_type_usage=_dflt_usage)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'message',message)
  __dataclass_builtins_object__.__setattr__(self,'usage',usage)
 return __init__
CODES["def __create_fn__(_type_message, _type_usage, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_usage, _return_type):\n def __init__(self,message:_type_message,usage:_type_usage=_dflt_usage)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'message',message)\n  __dataclass_builtins_object__.__setattr__(self,'usage',usage)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_path, _type_config, _type_skip_recent, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_skip_recent, _return_type):
 def __init__(self,path:_type_path,config:_type_config,skip_recent:_type_skip_recent=_dflt_skip_recent)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'path',path)
  __dataclass_builtins_object__.__setattr__(self,'config',config)
  __dataclass_builtins_object__.__setattr__(self,'skip_recent',skip_recent)
 return __init__
CODES["def __create_fn__(_type_path, _type_config, _type_skip_recent, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_skip_recent, _return_type):\n def __init__(self,path:_type_path,config:_type_config,skip_recent:_type_skip_recent=_dflt_skip_recent)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'path',path)\n  __dataclass_builtins_object__.__setattr__(self,'config',config)\n  __dataclass_builtins_object__.__setattr__(self,'skip_recent',skip_recent)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_values, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,values:_type_values)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'values',values)
 return __init__
CODES["def __create_fn__(_type_values, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,values:_type_values)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'values',values)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_kind, _type_start, _type_end, _type_value, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_value, _return_type):
 def __init__(self,kind:_type_kind,start:_type_start,end:_type_end,value:_type_value=_dflt_value)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'kind',kind)
  __dataclass_builtins_object__.__setattr__(self,'start',start)
  __dataclass_builtins_object__.__setattr__(self,'end',end)
  __dataclass_builtins_object__.__setattr__(self,'value',value)
 return __init__
CODES["def __create_fn__(_type_kind, _type_start, _type_end, _type_value, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_value, _return_type):\n def __init__(self,kind:_type_kind,start:_type_start,end:_type_end,value:_type_value=_dflt_value)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'kind',kind)\n  __dataclass_builtins_object__.__setattr__(self,'start',start)\n  __dataclass_builtins_object__.__setattr__(self,'end',end)\n  __dataclass_builtins_object__.__setattr__(self,'value',value)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_kind, _type_start, _type_end, _type_value, _type_members, _type_items, _type_trailing_comma, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_value, _dflt_members, _dflt_items, _dflt_trailing_comma, _return_type):
 def __init__(self,kind:_type_kind,start:_type_start,end:_type_end,value:_type_value=_dflt_value,members:_type_members=_HAS_DEFAULT_FACTORY,items:_type_items=_HAS_DEFAULT_FACTORY,trailing_comma:_type_trailing_comma=_dflt_trailing_comma)->_return_type:
  self.kind=kind
  self.start=start
  self.end=end
  self.value=value
  self.members=_dflt_members() if members is _HAS_DEFAULT_FACTORY else members
  self.items=_dflt_items() if items is _HAS_DEFAULT_FACTORY else items
  self.trailing_comma=trailing_comma
 return __init__
CODES['def __create_fn__(_type_kind, _type_start, _type_end, _type_value, _type_members, _type_items, _type_trailing_comma, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_value, _dflt_members, _dflt_items, _dflt_trailing_comma, _return_type):\n def __init__(self,kind:_type_kind,start:_type_start,end:_type_end,value:_type_value=_dflt_value,members:_type_members=_HAS_DEFAULT_FACTORY,items:_type_items=_HAS_DEFAULT_FACTORY,trailing_comma:_type_trailing_comma=_dflt_trailing_comma)->_return_type:\n  self.kind=kind\n  self.start=start\n  self.end=end\n  self.value=value\n  self.members=_dflt_members() if members is _HAS_DEFAULT_FACTORY else members\n  self.items=_dflt_items() if items is _HAS_DEFAULT_FACTORY else items\n  self.trailing_comma=trailing_comma\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_key, _type_key_start, _type_value, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,key:_type_key,key_start:_type_key_start,value:_type_value)->_return_type:
  self.key=key
  self.key_start=key_start
  self.value=value
 return __init__
CODES['def __create_fn__(_type_key, _type_key_start, _type_value, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,key:_type_key,key_start:_type_key_start,value:_type_value)->_return_type:\n  self.key=key\n  self.key_start=key_start\n  self.value=value\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_text, _type_tokens, _type_root, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,text:_type_text,tokens:_type_tokens,root:_type_root)->_return_type:
  self.text=text
  self.tokens=tokens
  self.root=root
 return __init__
CODES['def __create_fn__(_type_text, _type_tokens, _type_root, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,text:_type_text,tokens:_type_tokens,root:_type_root)->_return_type:\n  self.text=text\n  self.tokens=tokens\n  self.root=root\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_unit, _type_eol, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,unit:_type_unit,eol:_type_eol)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'unit',unit)
  __dataclass_builtins_object__.__setattr__(self,'eol',eol)
 return __init__
CODES["def __create_fn__(_type_unit, _type_eol, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,unit:_type_unit,eol:_type_eol)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'unit',unit)\n  __dataclass_builtins_object__.__setattr__(self,'eol',eol)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_data, _type_dev, _type_ino, _type_size, _type_mtime_ns, _type_ctime_ns, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_dev, _dflt_ino, _dflt_size, _dflt_mtime_ns, _dflt_ctime_ns, _return_type):
 def __init__(self,data:_type_data,dev:_type_dev=_dflt_dev,ino:_type_ino=_dflt_ino,size:_type_size=_dflt_size,mtime_ns:_type_mtime_ns=_dflt_mtime_ns,ctime_ns:_type_ctime_ns=_dflt_ctime_ns)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'data',data)
  __dataclass_builtins_object__.__setattr__(self,'dev',dev)
  __dataclass_builtins_object__.__setattr__(self,'ino',ino)
  __dataclass_builtins_object__.__setattr__(self,'size',size)
  __dataclass_builtins_object__.__setattr__(self,'mtime_ns',mtime_ns)
  __dataclass_builtins_object__.__setattr__(self,'ctime_ns',ctime_ns)
 return __init__
CODES["def __create_fn__(_type_data, _type_dev, _type_ino, _type_size, _type_mtime_ns, _type_ctime_ns, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_dev, _dflt_ino, _dflt_size, _dflt_mtime_ns, _dflt_ctime_ns, _return_type):\n def __init__(self,data:_type_data,dev:_type_dev=_dflt_dev,ino:_type_ino=_dflt_ino,size:_type_size=_dflt_size,mtime_ns:_type_mtime_ns=_dflt_mtime_ns,ctime_ns:_type_ctime_ns=_dflt_ctime_ns)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'data',data)\n  __dataclass_builtins_object__.__setattr__(self,'dev',dev)\n  __dataclass_builtins_object__.__setattr__(self,'ino',ino)\n  __dataclass_builtins_object__.__setattr__(self,'size',size)\n  __dataclass_builtins_object__.__setattr__(self,'mtime_ns',mtime_ns)\n  __dataclass_builtins_object__.__setattr__(self,'ctime_ns',ctime_ns)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_rel, _type_kind, _type_size, _type_stale_bytecode, _type_repeated, _type_nested_vcs, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_stale_bytecode, _dflt_repeated, _dflt_nested_vcs, _return_type):
 def __init__(self,rel:_type_rel,kind:_type_kind,size:_type_size,stale_bytecode:_type_stale_bytecode=_dflt_stale_bytecode,repeated:_type_repeated=_HAS_DEFAULT_FACTORY,nested_vcs:_type_nested_vcs=_dflt_nested_vcs)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'rel',rel)
  __dataclass_builtins_object__.__setattr__(self,'kind',kind)
  __dataclass_builtins_object__.__setattr__(self,'size',size)
  __dataclass_builtins_object__.__setattr__(self,'stale_bytecode',stale_bytecode)
  __dataclass_builtins_object__.__setattr__(self,'repeated',_dflt_repeated() if repeated is _HAS_DEFAULT_FACTORY else repeated)
  __dataclass_builtins_object__.__setattr__(self,'nested_vcs',nested_vcs)
 return __init__
CODES["def __create_fn__(_type_rel, _type_kind, _type_size, _type_stale_bytecode, _type_repeated, _type_nested_vcs, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_stale_bytecode, _dflt_repeated, _dflt_nested_vcs, _return_type):\n def __init__(self,rel:_type_rel,kind:_type_kind,size:_type_size,stale_bytecode:_type_stale_bytecode=_dflt_stale_bytecode,repeated:_type_repeated=_HAS_DEFAULT_FACTORY,nested_vcs:_type_nested_vcs=_dflt_nested_vcs)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'rel',rel)\n  __dataclass_builtins_object__.__setattr__(self,'kind',kind)\n  __dataclass_builtins_object__.__setattr__(self,'size',size)\n  __dataclass_builtins_object__.__setattr__(self,'stale_bytecode',stale_bytecode)\n  __dataclass_builtins_object__.__setattr__(self,'repeated',_dflt_repeated() if repeated is _HAS_DEFAULT_FACTORY else repeated)\n  __dataclass_builtins_object__.__setattr__(self,'nested_vcs',nested_vcs)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_name, _type_bytes, _type_disk, _type_mtime, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,name:_type_name,bytes:_type_bytes,disk:_type_disk,mtime:_type_mtime)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'name',name)
  __dataclass_builtins_object__.__setattr__(self,'bytes',bytes)
  __dataclass_builtins_object__.__setattr__(self,'disk',disk)
  __dataclass_builtins_object__.__setattr__(self,'mtime',mtime)
 return __init__
CODES["def __create_fn__(_type_name, _type_bytes, _type_disk, _type_mtime, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,name:_type_name,bytes:_type_bytes,disk:_type_disk,mtime:_type_mtime)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'name',name)\n  __dataclass_builtins_object__.__setattr__(self,'bytes',bytes)\n  __dataclass_builtins_object__.__setattr__(self,'disk',disk)\n  __dataclass_builtins_object__.__setattr__(self,'mtime',mtime)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_rel, _type_bytes, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,rel:_type_rel,bytes:_type_bytes)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'rel',rel)
  __dataclass_builtins_object__.__setattr__(self,'bytes',bytes)
 return __init__
CODES["def __create_fn__(_type_rel, _type_bytes, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,rel:_type_rel,bytes:_type_bytes)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'rel',rel)\n  __dataclass_builtins_object__.__setattr__(self,'bytes',bytes)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_root, _type_hits, _type_repo_roots, _type_bare_repos, _type_surface_by_dir, _type_content_by_dir, _type_big_files, _type_search_ignore_dirs, _type_gitignore_dirs, _type_stale_legacy_pyc, _type_skipped, _type_total, _type_entries, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_hits, _dflt_repo_roots, _dflt_bare_repos, _dflt_surface_by_dir, _dflt_content_by_dir, _dflt_big_files, _dflt_search_ignore_dirs, _dflt_gitignore_dirs, _dflt_stale_legacy_pyc, _dflt_skipped, _dflt_total, _dflt_entries, _return_type):
 def __init__(self,root:_type_root,hits:_type_hits=_HAS_DEFAULT_FACTORY,repo_roots:_type_repo_roots=_HAS_DEFAULT_FACTORY,bare_repos:_type_bare_repos=_HAS_DEFAULT_FACTORY,surface_by_dir:_type_surface_by_dir=_HAS_DEFAULT_FACTORY,content_by_dir:_type_content_by_dir=_HAS_DEFAULT_FACTORY,big_files:_type_big_files=_HAS_DEFAULT_FACTORY,search_ignore_dirs:_type_search_ignore_dirs=_HAS_DEFAULT_FACTORY,gitignore_dirs:_type_gitignore_dirs=_HAS_DEFAULT_FACTORY,stale_legacy_pyc:_type_stale_legacy_pyc=_HAS_DEFAULT_FACTORY,skipped:_type_skipped=_HAS_DEFAULT_FACTORY,total:_type_total=_HAS_DEFAULT_FACTORY,entries:_type_entries=_dflt_entries)->_return_type:
  self.root=root
  self.hits=_dflt_hits() if hits is _HAS_DEFAULT_FACTORY else hits
  self.repo_roots=_dflt_repo_roots() if repo_roots is _HAS_DEFAULT_FACTORY else repo_roots
  self.bare_repos=_dflt_bare_repos() if bare_repos is _HAS_DEFAULT_FACTORY else bare_repos
  self.surface_by_dir=_dflt_surface_by_dir() if surface_by_dir is _HAS_DEFAULT_FACTORY else surface_by_dir
  self.content_by_dir=_dflt_content_by_dir() if content_by_dir is _HAS_DEFAULT_FACTORY else content_by_dir
  self.big_files=_dflt_big_files() if big_files is _HAS_DEFAULT_FACTORY else big_files
  self.search_ignore_dirs=_dflt_search_ignore_dirs() if search_ignore_dirs is _HAS_DEFAULT_FACTORY else search_ignore_dirs
  self.gitignore_dirs=_dflt_gitignore_dirs() if gitignore_dirs is _HAS_DEFAULT_FACTORY else gitignore_dirs
  self.stale_legacy_pyc=_dflt_stale_legacy_pyc() if stale_legacy_pyc is _HAS_DEFAULT_FACTORY else stale_legacy_pyc
  self.skipped=_dflt_skipped() if skipped is _HAS_DEFAULT_FACTORY else skipped
  self.total=_dflt_total() if total is _HAS_DEFAULT_FACTORY else total
  self.entries=entries
 return __init__
CODES['def __create_fn__(_type_root, _type_hits, _type_repo_roots, _type_bare_repos, _type_surface_by_dir, _type_content_by_dir, _type_big_files, _type_search_ignore_dirs, _type_gitignore_dirs, _type_stale_legacy_pyc, _type_skipped, _type_total, _type_entries, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_hits, _dflt_repo_roots, _dflt_bare_repos, _dflt_surface_by_dir, _dflt_content_by_dir, _dflt_big_files, _dflt_search_ignore_dirs, _dflt_gitignore_dirs, _dflt_stale_legacy_pyc, _dflt_skipped, _dflt_total, _dflt_entries, _return_type):\n def __init__(self,root:_type_root,hits:_type_hits=_HAS_DEFAULT_FACTORY,repo_roots:_type_repo_roots=_HAS_DEFAULT_FACTORY,bare_repos:_type_bare_repos=_HAS_DEFAULT_FACTORY,surface_by_dir:_type_surface_by_dir=_HAS_DEFAULT_FACTORY,content_by_dir:_type_content_by_dir=_HAS_DEFAULT_FACTORY,big_files:_type_big_files=_HAS_DEFAULT_FACTORY,search_ignore_dirs:_type_search_ignore_dirs=_HAS_DEFAULT_FACTORY,gitignore_dirs:_type_gitignore_dirs=_HAS_DEFAULT_FACTORY,stale_legacy_pyc:_type_stale_legacy_pyc=_HAS_DEFAULT_FACTORY,skipped:_type_skipped=_HAS_DEFAULT_FACTORY,total:_type_total=_HAS_DEFAULT_FACTORY,entries:_type_entries=_dflt_entries)->_return_type:\n  self.root=root\n  self.hits=_dflt_hits() if hits is _HAS_DEFAULT_FACTORY else hits\n  self.repo_roots=_dflt_repo_roots() if repo_roots is _HAS_DEFAULT_FACTORY else repo_roots\n  self.bare_repos=_dflt_bare_repos() if bare_repos is _HAS_DEFAULT_FACTORY else bare_repos\n  self.surface_by_dir=_dflt_surface_by_dir() if surface_by_dir is _HAS_DEFAULT_FACTORY else surface_by_dir\n  self.content_by_dir=_dflt_content_by_dir() if content_by_dir is _HAS_DEFAULT_FACTORY else content_by_dir\n  self.big_files=_dflt_big_files() if big_files is _HAS_DEFAULT_FACTORY else big_files\n  self.search_ignore_dirs=_dflt_search_ignore_dirs() if search_ignore_dirs is _HAS_DEFAULT_FACTORY else search_ignore_dirs\n  self.gitignore_dirs=_dflt_gitignore_dirs() if gitignore_dirs is _HAS_DEFAULT_FACTORY else gitignore_dirs\n  self.stale_legacy_pyc=_dflt_stale_legacy_pyc() if stale_legacy_pyc is _HAS_DEFAULT_FACTORY else stale_legacy_pyc\n  self.skipped=_dflt_skipped() if skipped is _HAS_DEFAULT_FACTORY else skipped\n  self.total=_dflt_total() if total is _HAS_DEFAULT_FACTORY else total\n  self.entries=entries\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_cross_filesystems, _type_big_file_bytes, _type_excluded, _type_progress, _type_on_repo, _type_while_waiting, _type_when_explored, _type_pool, _type_skip_paths, _type_share_above, _type_share_after, _type_defer_links, _type_part_budget, _type_stop_after, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_cross_filesystems, _dflt_big_file_bytes, _dflt_excluded, _dflt_progress, _dflt_on_repo, _dflt_while_waiting, _dflt_when_explored, _dflt_pool, _dflt_skip_paths, _dflt_share_above, _dflt_share_after, _dflt_defer_links, _dflt_part_budget, _dflt_stop_after, _return_type):
 def __init__(self,cross_filesystems:_type_cross_filesystems=_dflt_cross_filesystems,big_file_bytes:_type_big_file_bytes=_dflt_big_file_bytes,excluded:_type_excluded=_dflt_excluded,progress:_type_progress=_dflt_progress,on_repo:_type_on_repo=_dflt_on_repo,while_waiting:_type_while_waiting=_dflt_while_waiting,when_explored:_type_when_explored=_dflt_when_explored,pool:_type_pool=_dflt_pool,skip_paths:_type_skip_paths=_dflt_skip_paths,share_above:_type_share_above=_dflt_share_above,share_after:_type_share_after=_dflt_share_after,defer_links:_type_defer_links=_dflt_defer_links,part_budget:_type_part_budget=_dflt_part_budget,stop_after:_type_stop_after=_dflt_stop_after)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'cross_filesystems',cross_filesystems)
  __dataclass_builtins_object__.__setattr__(self,'big_file_bytes',big_file_bytes)
  __dataclass_builtins_object__.__setattr__(self,'excluded',excluded)
  __dataclass_builtins_object__.__setattr__(self,'progress',progress)
  __dataclass_builtins_object__.__setattr__(self,'on_repo',on_repo)
  __dataclass_builtins_object__.__setattr__(self,'while_waiting',while_waiting)
  __dataclass_builtins_object__.__setattr__(self,'when_explored',when_explored)
  __dataclass_builtins_object__.__setattr__(self,'pool',pool)
  __dataclass_builtins_object__.__setattr__(self,'skip_paths',skip_paths)
  __dataclass_builtins_object__.__setattr__(self,'share_above',share_above)
  __dataclass_builtins_object__.__setattr__(self,'share_after',share_after)
  __dataclass_builtins_object__.__setattr__(self,'defer_links',defer_links)
  __dataclass_builtins_object__.__setattr__(self,'part_budget',part_budget)
  __dataclass_builtins_object__.__setattr__(self,'stop_after',stop_after)
 return __init__
CODES["def __create_fn__(_type_cross_filesystems, _type_big_file_bytes, _type_excluded, _type_progress, _type_on_repo, _type_while_waiting, _type_when_explored, _type_pool, _type_skip_paths, _type_share_above, _type_share_after, _type_defer_links, _type_part_budget, _type_stop_after, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_cross_filesystems, _dflt_big_file_bytes, _dflt_excluded, _dflt_progress, _dflt_on_repo, _dflt_while_waiting, _dflt_when_explored, _dflt_pool, _dflt_skip_paths, _dflt_share_above, _dflt_share_after, _dflt_defer_links, _dflt_part_budget, _dflt_stop_after, _return_type):\n def __init__(self,cross_filesystems:_type_cross_filesystems=_dflt_cross_filesystems,big_file_bytes:_type_big_file_bytes=_dflt_big_file_bytes,excluded:_type_excluded=_dflt_excluded,progress:_type_progress=_dflt_progress,on_repo:_type_on_repo=_dflt_on_repo,while_waiting:_type_while_waiting=_dflt_while_waiting,when_explored:_type_when_explored=_dflt_when_explored,pool:_type_pool=_dflt_pool,skip_paths:_type_skip_paths=_dflt_skip_paths,share_above:_type_share_above=_dflt_share_above,share_after:_type_share_after=_dflt_share_after,defer_links:_type_defer_links=_dflt_defer_links,part_budget:_type_part_budget=_dflt_part_budget,stop_after:_type_stop_after=_dflt_stop_after)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'cross_filesystems',cross_filesystems)\n  __dataclass_builtins_object__.__setattr__(self,'big_file_bytes',big_file_bytes)\n  __dataclass_builtins_object__.__setattr__(self,'excluded',excluded)\n  __dataclass_builtins_object__.__setattr__(self,'progress',progress)\n  __dataclass_builtins_object__.__setattr__(self,'on_repo',on_repo)\n  __dataclass_builtins_object__.__setattr__(self,'while_waiting',while_waiting)\n  __dataclass_builtins_object__.__setattr__(self,'when_explored',when_explored)\n  __dataclass_builtins_object__.__setattr__(self,'pool',pool)\n  __dataclass_builtins_object__.__setattr__(self,'skip_paths',skip_paths)\n  __dataclass_builtins_object__.__setattr__(self,'share_above',share_above)\n  __dataclass_builtins_object__.__setattr__(self,'share_after',share_after)\n  __dataclass_builtins_object__.__setattr__(self,'defer_links',defer_links)\n  __dataclass_builtins_object__.__setattr__(self,'part_budget',part_budget)\n  __dataclass_builtins_object__.__setattr__(self,'stop_after',stop_after)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_rel_dir, _type_name, _type_link, _type_kind, _type_stale, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,rel_dir:_type_rel_dir,name:_type_name,link:_type_link,kind:_type_kind,stale:_type_stale)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'rel_dir',rel_dir)
  __dataclass_builtins_object__.__setattr__(self,'name',name)
  __dataclass_builtins_object__.__setattr__(self,'link',link)
  __dataclass_builtins_object__.__setattr__(self,'kind',kind)
  __dataclass_builtins_object__.__setattr__(self,'stale',stale)
 return __init__
CODES["def __create_fn__(_type_rel_dir, _type_name, _type_link, _type_kind, _type_stale, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,rel_dir:_type_rel_dir,name:_type_name,link:_type_link,kind:_type_kind,stale:_type_stale)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'rel_dir',rel_dir)\n  __dataclass_builtins_object__.__setattr__(self,'name',name)\n  __dataclass_builtins_object__.__setattr__(self,'link',link)\n  __dataclass_builtins_object__.__setattr__(self,'kind',kind)\n  __dataclass_builtins_object__.__setattr__(self,'stale',stale)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_result, _type_jobs, _type_deferred, _type_leftover, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,result:_type_result,jobs:_type_jobs,deferred:_type_deferred,leftover:_type_leftover)->_return_type:
  self.result=result
  self.jobs=jobs
  self.deferred=deferred
  self.leftover=leftover
 return __init__
CODES['def __create_fn__(_type_result, _type_jobs, _type_deferred, _type_leftover, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,result:_type_result,jobs:_type_jobs,deferred:_type_deferred,leftover:_type_leftover)->_return_type:\n  self.result=result\n  self.jobs=jobs\n  self.deferred=deferred\n  self.leftover=leftover\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_rel, _type_kind, _type_stale, _type_top, _type_futures, _type_unmeasured, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_unmeasured, _return_type):
 def __init__(self,rel:_type_rel,kind:_type_kind,stale:_type_stale,top:_type_top,futures:_type_futures,unmeasured:_type_unmeasured=_HAS_DEFAULT_FACTORY)->_return_type:
  self.rel=rel
  self.kind=kind
  self.stale=stale
  self.top=top
  self.futures=futures
  self.unmeasured=_dflt_unmeasured() if unmeasured is _HAS_DEFAULT_FACTORY else unmeasured
 return __init__
CODES['def __create_fn__(_type_rel, _type_kind, _type_stale, _type_top, _type_futures, _type_unmeasured, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_unmeasured, _return_type):\n def __init__(self,rel:_type_rel,kind:_type_kind,stale:_type_stale,top:_type_top,futures:_type_futures,unmeasured:_type_unmeasured=_HAS_DEFAULT_FACTORY)->_return_type:\n  self.rel=rel\n  self.kind=kind\n  self.stale=stale\n  self.top=top\n  self.futures=futures\n  self.unmeasured=_dflt_unmeasured() if unmeasured is _HAS_DEFAULT_FACTORY else unmeasured\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_walk_rel, _type_hits, _type_big_files, _type_stale, _type_surface, _type_content, _type_search_ignore_dirs, _type_layout, _type_newest, _type_sizes, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_hits, _dflt_big_files, _dflt_stale, _dflt_surface, _dflt_content, _dflt_search_ignore_dirs, _dflt_layout, _dflt_newest, _dflt_sizes, _return_type):
 def __init__(self,walk_rel:_type_walk_rel,hits:_type_hits=_HAS_DEFAULT_FACTORY,big_files:_type_big_files=_HAS_DEFAULT_FACTORY,stale:_type_stale=_HAS_DEFAULT_FACTORY,surface:_type_surface=_HAS_DEFAULT_FACTORY,content:_type_content=_HAS_DEFAULT_FACTORY,search_ignore_dirs:_type_search_ignore_dirs=_HAS_DEFAULT_FACTORY,layout:_type_layout=_HAS_DEFAULT_FACTORY,newest:_type_newest=_HAS_DEFAULT_FACTORY,sizes:_type_sizes=_HAS_DEFAULT_FACTORY)->_return_type:
  self.walk_rel=walk_rel
  self.hits=_dflt_hits() if hits is _HAS_DEFAULT_FACTORY else hits
  self.big_files=_dflt_big_files() if big_files is _HAS_DEFAULT_FACTORY else big_files
  self.stale=_dflt_stale() if stale is _HAS_DEFAULT_FACTORY else stale
  self.surface=_dflt_surface() if surface is _HAS_DEFAULT_FACTORY else surface
  self.content=_dflt_content() if content is _HAS_DEFAULT_FACTORY else content
  self.search_ignore_dirs=_dflt_search_ignore_dirs() if search_ignore_dirs is _HAS_DEFAULT_FACTORY else search_ignore_dirs
  self.layout=_dflt_layout() if layout is _HAS_DEFAULT_FACTORY else layout
  self.newest=_dflt_newest() if newest is _HAS_DEFAULT_FACTORY else newest
  self.sizes=_dflt_sizes() if sizes is _HAS_DEFAULT_FACTORY else sizes
 return __init__
CODES['def __create_fn__(_type_walk_rel, _type_hits, _type_big_files, _type_stale, _type_surface, _type_content, _type_search_ignore_dirs, _type_layout, _type_newest, _type_sizes, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_hits, _dflt_big_files, _dflt_stale, _dflt_surface, _dflt_content, _dflt_search_ignore_dirs, _dflt_layout, _dflt_newest, _dflt_sizes, _return_type):\n def __init__(self,walk_rel:_type_walk_rel,hits:_type_hits=_HAS_DEFAULT_FACTORY,big_files:_type_big_files=_HAS_DEFAULT_FACTORY,stale:_type_stale=_HAS_DEFAULT_FACTORY,surface:_type_surface=_HAS_DEFAULT_FACTORY,content:_type_content=_HAS_DEFAULT_FACTORY,search_ignore_dirs:_type_search_ignore_dirs=_HAS_DEFAULT_FACTORY,layout:_type_layout=_HAS_DEFAULT_FACTORY,newest:_type_newest=_HAS_DEFAULT_FACTORY,sizes:_type_sizes=_HAS_DEFAULT_FACTORY)->_return_type:\n  self.walk_rel=walk_rel\n  self.hits=_dflt_hits() if hits is _HAS_DEFAULT_FACTORY else hits\n  self.big_files=_dflt_big_files() if big_files is _HAS_DEFAULT_FACTORY else big_files\n  self.stale=_dflt_stale() if stale is _HAS_DEFAULT_FACTORY else stale\n  self.surface=_dflt_surface() if surface is _HAS_DEFAULT_FACTORY else surface\n  self.content=_dflt_content() if content is _HAS_DEFAULT_FACTORY else content\n  self.search_ignore_dirs=_dflt_search_ignore_dirs() if search_ignore_dirs is _HAS_DEFAULT_FACTORY else search_ignore_dirs\n  self.layout=_dflt_layout() if layout is _HAS_DEFAULT_FACTORY else layout\n  self.newest=_dflt_newest() if newest is _HAS_DEFAULT_FACTORY else newest\n  self.sizes=_dflt_sizes() if sizes is _HAS_DEFAULT_FACTORY else sizes\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_rules, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,rules:_type_rules)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'rules',rules)
 return __init__
CODES["def __create_fn__(_type_rules, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,rules:_type_rules)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'rules',rules)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_groups, _type_skipped, _type_warnings, _type_own_settings, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_own_settings, _return_type):
 def __init__(self,groups:_type_groups,skipped:_type_skipped,warnings:_type_warnings,own_settings:_type_own_settings=_HAS_DEFAULT_FACTORY)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'groups',groups)
  __dataclass_builtins_object__.__setattr__(self,'skipped',skipped)
  __dataclass_builtins_object__.__setattr__(self,'warnings',warnings)
  __dataclass_builtins_object__.__setattr__(self,'own_settings',_dflt_own_settings() if own_settings is _HAS_DEFAULT_FACTORY else own_settings)
 return __init__
CODES["def __create_fn__(_type_groups, _type_skipped, _type_warnings, _type_own_settings, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_own_settings, _return_type):\n def __init__(self,groups:_type_groups,skipped:_type_skipped,warnings:_type_warnings,own_settings:_type_own_settings=_HAS_DEFAULT_FACTORY)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'groups',groups)\n  __dataclass_builtins_object__.__setattr__(self,'skipped',skipped)\n  __dataclass_builtins_object__.__setattr__(self,'warnings',warnings)\n  __dataclass_builtins_object__.__setattr__(self,'own_settings',_dflt_own_settings() if own_settings is _HAS_DEFAULT_FACTORY else own_settings)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_data_file, _type_names, _type_tagged, _type_compressed, _type_source_sha256, _type_data_sha256, _type_format, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_format, _return_type):
 def __init__(self,data_file:_type_data_file,names:_type_names,tagged:_type_tagged,compressed:_type_compressed,source_sha256:_type_source_sha256,data_sha256:_type_data_sha256,format:_type_format=_dflt_format)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'data_file',data_file)
  __dataclass_builtins_object__.__setattr__(self,'names',names)
  __dataclass_builtins_object__.__setattr__(self,'tagged',tagged)
  __dataclass_builtins_object__.__setattr__(self,'compressed',compressed)
  __dataclass_builtins_object__.__setattr__(self,'source_sha256',source_sha256)
  __dataclass_builtins_object__.__setattr__(self,'data_sha256',data_sha256)
  __dataclass_builtins_object__.__setattr__(self,'format',format)
 return __init__
CODES["def __create_fn__(_type_data_file, _type_names, _type_tagged, _type_compressed, _type_source_sha256, _type_data_sha256, _type_format, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_format, _return_type):\n def __init__(self,data_file:_type_data_file,names:_type_names,tagged:_type_tagged,compressed:_type_compressed,source_sha256:_type_source_sha256,data_sha256:_type_data_sha256,format:_type_format=_dflt_format)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'data_file',data_file)\n  __dataclass_builtins_object__.__setattr__(self,'names',names)\n  __dataclass_builtins_object__.__setattr__(self,'tagged',tagged)\n  __dataclass_builtins_object__.__setattr__(self,'compressed',compressed)\n  __dataclass_builtins_object__.__setattr__(self,'source_sha256',source_sha256)\n  __dataclass_builtins_object__.__setattr__(self,'data_sha256',data_sha256)\n  __dataclass_builtins_object__.__setattr__(self,'format',format)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_manifest, _type_lazy, _type_eager, _type_has_all, _type_uses_any, _type_copies, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_copies, _return_type):
 def __init__(self,manifest:_type_manifest,lazy:_type_lazy,eager:_type_eager,has_all:_type_has_all,uses_any:_type_uses_any,copies:_type_copies=_dflt_copies)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'manifest',manifest)
  __dataclass_builtins_object__.__setattr__(self,'lazy',lazy)
  __dataclass_builtins_object__.__setattr__(self,'eager',eager)
  __dataclass_builtins_object__.__setattr__(self,'has_all',has_all)
  __dataclass_builtins_object__.__setattr__(self,'uses_any',uses_any)
  __dataclass_builtins_object__.__setattr__(self,'copies',copies)
 return __init__
CODES["def __create_fn__(_type_manifest, _type_lazy, _type_eager, _type_has_all, _type_uses_any, _type_copies, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_copies, _return_type):\n def __init__(self,manifest:_type_manifest,lazy:_type_lazy,eager:_type_eager,has_all:_type_has_all,uses_any:_type_uses_any,copies:_type_copies=_dflt_copies)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'manifest',manifest)\n  __dataclass_builtins_object__.__setattr__(self,'lazy',lazy)\n  __dataclass_builtins_object__.__setattr__(self,'eager',eager)\n  __dataclass_builtins_object__.__setattr__(self,'has_all',has_all)\n  __dataclass_builtins_object__.__setattr__(self,'uses_any',uses_any)\n  __dataclass_builtins_object__.__setattr__(self,'copies',copies)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_fd, _type_path, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,fd:_type_fd,path:_type_path)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'fd',fd)
  __dataclass_builtins_object__.__setattr__(self,'path',path)
 return __init__
CODES["def __create_fn__(_type_fd, _type_path, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,fd:_type_fd,path:_type_path)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'fd',fd)\n  __dataclass_builtins_object__.__setattr__(self,'path',path)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_backup, _type_record, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,backup:_type_backup,record:_type_record)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'backup',backup)
  __dataclass_builtins_object__.__setattr__(self,'record',record)
 return __init__
CODES["def __create_fn__(_type_backup, _type_record, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,backup:_type_backup,record:_type_record)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'backup',backup)\n  __dataclass_builtins_object__.__setattr__(self,'record',record)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_key, _type_scope, _type_line, _type_start, _type_end, _type_header, _type_literal, _type_why_evaluate, _type_value_bytes, _type_data_like, _type_top_start, _type_value, _type_own_classes, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_top_start, _dflt_value, _dflt_own_classes, _return_type):
 def __init__(self,key:_type_key,scope:_type_scope,line:_type_line,start:_type_start,end:_type_end,header:_type_header,literal:_type_literal,why_evaluate:_type_why_evaluate,value_bytes:_type_value_bytes,data_like:_type_data_like,top_start:_type_top_start=_dflt_top_start,value:_type_value=_dflt_value,own_classes:_type_own_classes=_dflt_own_classes)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'key',key)
  __dataclass_builtins_object__.__setattr__(self,'scope',scope)
  __dataclass_builtins_object__.__setattr__(self,'line',line)
  __dataclass_builtins_object__.__setattr__(self,'start',start)
  __dataclass_builtins_object__.__setattr__(self,'end',end)
  __dataclass_builtins_object__.__setattr__(self,'header',header)
  __dataclass_builtins_object__.__setattr__(self,'literal',literal)
  __dataclass_builtins_object__.__setattr__(self,'why_evaluate',why_evaluate)
  __dataclass_builtins_object__.__setattr__(self,'value_bytes',value_bytes)
  __dataclass_builtins_object__.__setattr__(self,'data_like',data_like)
  __dataclass_builtins_object__.__setattr__(self,'top_start',top_start)
  __dataclass_builtins_object__.__setattr__(self,'value',value)
  __dataclass_builtins_object__.__setattr__(self,'own_classes',own_classes)
 return __init__
CODES["def __create_fn__(_type_key, _type_scope, _type_line, _type_start, _type_end, _type_header, _type_literal, _type_why_evaluate, _type_value_bytes, _type_data_like, _type_top_start, _type_value, _type_own_classes, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_top_start, _dflt_value, _dflt_own_classes, _return_type):\n def __init__(self,key:_type_key,scope:_type_scope,line:_type_line,start:_type_start,end:_type_end,header:_type_header,literal:_type_literal,why_evaluate:_type_why_evaluate,value_bytes:_type_value_bytes,data_like:_type_data_like,top_start:_type_top_start=_dflt_top_start,value:_type_value=_dflt_value,own_classes:_type_own_classes=_dflt_own_classes)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'key',key)\n  __dataclass_builtins_object__.__setattr__(self,'scope',scope)\n  __dataclass_builtins_object__.__setattr__(self,'line',line)\n  __dataclass_builtins_object__.__setattr__(self,'start',start)\n  __dataclass_builtins_object__.__setattr__(self,'end',end)\n  __dataclass_builtins_object__.__setattr__(self,'header',header)\n  __dataclass_builtins_object__.__setattr__(self,'literal',literal)\n  __dataclass_builtins_object__.__setattr__(self,'why_evaluate',why_evaluate)\n  __dataclass_builtins_object__.__setattr__(self,'value_bytes',value_bytes)\n  __dataclass_builtins_object__.__setattr__(self,'data_like',data_like)\n  __dataclass_builtins_object__.__setattr__(self,'top_start',top_start)\n  __dataclass_builtins_object__.__setattr__(self,'value',value)\n  __dataclass_builtins_object__.__setattr__(self,'own_classes',own_classes)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_python, _type_why, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,python:_type_python,why:_type_why)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'python',python)
  __dataclass_builtins_object__.__setattr__(self,'why',why)
 return __init__
CODES["def __create_fn__(_type_python, _type_why, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,python:_type_python,why:_type_why)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'python',python)\n  __dataclass_builtins_object__.__setattr__(self,'why',why)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_start, _type_end, _type_line, _type_end_line, _type_literal_shaped, _type_name, _type_annotation, _type_value_start, _type_opener, _type_splits, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_name, _dflt_annotation, _dflt_value_start, _dflt_opener, _dflt_splits, _return_type):
 def __init__(self,start:_type_start,end:_type_end,line:_type_line,end_line:_type_end_line,literal_shaped:_type_literal_shaped,name:_type_name=_dflt_name,annotation:_type_annotation=_dflt_annotation,value_start:_type_value_start=_dflt_value_start,opener:_type_opener=_dflt_opener,splits:_type_splits=_dflt_splits)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'start',start)
  __dataclass_builtins_object__.__setattr__(self,'end',end)
  __dataclass_builtins_object__.__setattr__(self,'line',line)
  __dataclass_builtins_object__.__setattr__(self,'end_line',end_line)
  __dataclass_builtins_object__.__setattr__(self,'literal_shaped',literal_shaped)
  __dataclass_builtins_object__.__setattr__(self,'name',name)
  __dataclass_builtins_object__.__setattr__(self,'annotation',annotation)
  __dataclass_builtins_object__.__setattr__(self,'value_start',value_start)
  __dataclass_builtins_object__.__setattr__(self,'opener',opener)
  __dataclass_builtins_object__.__setattr__(self,'splits',splits)
 return __init__
CODES["def __create_fn__(_type_start, _type_end, _type_line, _type_end_line, _type_literal_shaped, _type_name, _type_annotation, _type_value_start, _type_opener, _type_splits, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_name, _dflt_annotation, _dflt_value_start, _dflt_opener, _dflt_splits, _return_type):\n def __init__(self,start:_type_start,end:_type_end,line:_type_line,end_line:_type_end_line,literal_shaped:_type_literal_shaped,name:_type_name=_dflt_name,annotation:_type_annotation=_dflt_annotation,value_start:_type_value_start=_dflt_value_start,opener:_type_opener=_dflt_opener,splits:_type_splits=_dflt_splits)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'start',start)\n  __dataclass_builtins_object__.__setattr__(self,'end',end)\n  __dataclass_builtins_object__.__setattr__(self,'line',line)\n  __dataclass_builtins_object__.__setattr__(self,'end_line',end_line)\n  __dataclass_builtins_object__.__setattr__(self,'literal_shaped',literal_shaped)\n  __dataclass_builtins_object__.__setattr__(self,'name',name)\n  __dataclass_builtins_object__.__setattr__(self,'annotation',annotation)\n  __dataclass_builtins_object__.__setattr__(self,'value_start',value_start)\n  __dataclass_builtins_object__.__setattr__(self,'opener',opener)\n  __dataclass_builtins_object__.__setattr__(self,'splits',splits)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_start, _type_line, _type_end, _type_end_line, _type_shaped, _type_name, _type_annotation, _type_value_start, _type_opener, _type_splits, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_shaped, _dflt_name, _dflt_annotation, _dflt_value_start, _dflt_opener, _dflt_splits, _return_type):
 def __init__(self,start:_type_start,line:_type_line,end:_type_end,end_line:_type_end_line,shaped:_type_shaped=_dflt_shaped,name:_type_name=_dflt_name,annotation:_type_annotation=_dflt_annotation,value_start:_type_value_start=_dflt_value_start,opener:_type_opener=_dflt_opener,splits:_type_splits=_dflt_splits)->_return_type:
  self.start=start
  self.line=line
  self.end=end
  self.end_line=end_line
  self.shaped=shaped
  self.name=name
  self.annotation=annotation
  self.value_start=value_start
  self.opener=opener
  self.splits=splits
 return __init__
CODES['def __create_fn__(_type_start, _type_line, _type_end, _type_end_line, _type_shaped, _type_name, _type_annotation, _type_value_start, _type_opener, _type_splits, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_shaped, _dflt_name, _dflt_annotation, _dflt_value_start, _dflt_opener, _dflt_splits, _return_type):\n def __init__(self,start:_type_start,line:_type_line,end:_type_end,end_line:_type_end_line,shaped:_type_shaped=_dflt_shaped,name:_type_name=_dflt_name,annotation:_type_annotation=_dflt_annotation,value_start:_type_value_start=_dflt_value_start,opener:_type_opener=_dflt_opener,splits:_type_splits=_dflt_splits)->_return_type:\n  self.start=start\n  self.line=line\n  self.end=end\n  self.end_line=end_line\n  self.shaped=shaped\n  self.name=name\n  self.annotation=annotation\n  self.value_start=value_start\n  self.opener=opener\n  self.splits=splits\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_start, _type_end, _type_line, _type_wrap, _type_whole, _type_strict, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_strict, _return_type):
 def __init__(self,start:_type_start,end:_type_end,line:_type_line,wrap:_type_wrap,whole:_type_whole,strict:_type_strict=_dflt_strict)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'start',start)
  __dataclass_builtins_object__.__setattr__(self,'end',end)
  __dataclass_builtins_object__.__setattr__(self,'line',line)
  __dataclass_builtins_object__.__setattr__(self,'wrap',wrap)
  __dataclass_builtins_object__.__setattr__(self,'whole',whole)
  __dataclass_builtins_object__.__setattr__(self,'strict',strict)
 return __init__
CODES["def __create_fn__(_type_start, _type_end, _type_line, _type_wrap, _type_whole, _type_strict, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_strict, _return_type):\n def __init__(self,start:_type_start,end:_type_end,line:_type_line,wrap:_type_wrap,whole:_type_whole,strict:_type_strict=_dflt_strict)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'start',start)\n  __dataclass_builtins_object__.__setattr__(self,'end',end)\n  __dataclass_builtins_object__.__setattr__(self,'line',line)\n  __dataclass_builtins_object__.__setattr__(self,'wrap',wrap)\n  __dataclass_builtins_object__.__setattr__(self,'whole',whole)\n  __dataclass_builtins_object__.__setattr__(self,'strict',strict)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_text, _type_tagged, _type_items, _type_sketches, _type_str_keys, _type_keys, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_str_keys, _dflt_keys, _return_type):
 def __init__(self,text:_type_text,tagged:_type_tagged,items:_type_items,sketches:_type_sketches,str_keys:_type_str_keys=_dflt_str_keys,keys:_type_keys=_dflt_keys)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'text',text)
  __dataclass_builtins_object__.__setattr__(self,'tagged',tagged)
  __dataclass_builtins_object__.__setattr__(self,'items',items)
  __dataclass_builtins_object__.__setattr__(self,'sketches',sketches)
  __dataclass_builtins_object__.__setattr__(self,'str_keys',str_keys)
  __dataclass_builtins_object__.__setattr__(self,'keys',keys)
 return __init__
CODES["def __create_fn__(_type_text, _type_tagged, _type_items, _type_sketches, _type_str_keys, _type_keys, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_str_keys, _dflt_keys, _return_type):\n def __init__(self,text:_type_text,tagged:_type_tagged,items:_type_items,sketches:_type_sketches,str_keys:_type_str_keys=_dflt_str_keys,keys:_type_keys=_dflt_keys)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'text',text)\n  __dataclass_builtins_object__.__setattr__(self,'tagged',tagged)\n  __dataclass_builtins_object__.__setattr__(self,'items',items)\n  __dataclass_builtins_object__.__setattr__(self,'sketches',sketches)\n  __dataclass_builtins_object__.__setattr__(self,'str_keys',str_keys)\n  __dataclass_builtins_object__.__setattr__(self,'keys',keys)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_name, _type_text_parts, _type_tagged, _type_items, _type_sketches, _type_whole, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_text_parts, _dflt_tagged, _dflt_items, _dflt_sketches, _dflt_whole, _return_type):
 def __init__(self,name:_type_name,text_parts:_type_text_parts=_HAS_DEFAULT_FACTORY,tagged:_type_tagged=_dflt_tagged,items:_type_items=_dflt_items,sketches:_type_sketches=_HAS_DEFAULT_FACTORY,whole:_type_whole=_dflt_whole)->_return_type:
  self.name=name
  self.text_parts=_dflt_text_parts() if text_parts is _HAS_DEFAULT_FACTORY else text_parts
  self.tagged=tagged
  self.items=items
  self.sketches=_dflt_sketches() if sketches is _HAS_DEFAULT_FACTORY else sketches
  self.whole=whole
 return __init__
CODES['def __create_fn__(_type_name, _type_text_parts, _type_tagged, _type_items, _type_sketches, _type_whole, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_text_parts, _dflt_tagged, _dflt_items, _dflt_sketches, _dflt_whole, _return_type):\n def __init__(self,name:_type_name,text_parts:_type_text_parts=_HAS_DEFAULT_FACTORY,tagged:_type_tagged=_dflt_tagged,items:_type_items=_dflt_items,sketches:_type_sketches=_HAS_DEFAULT_FACTORY,whole:_type_whole=_dflt_whole)->_return_type:\n  self.name=name\n  self.text_parts=_dflt_text_parts() if text_parts is _HAS_DEFAULT_FACTORY else text_parts\n  self.tagged=tagged\n  self.items=items\n  self.sketches=_dflt_sketches() if sketches is _HAS_DEFAULT_FACTORY else sketches\n  self.whole=whole\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_data, _type_unsafe, _type_error, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_unsafe, _dflt_error, _return_type):
 def __init__(self,data:_type_data,unsafe:_type_unsafe=_dflt_unsafe,error:_type_error=_dflt_error)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'data',data)
  __dataclass_builtins_object__.__setattr__(self,'unsafe',unsafe)
  __dataclass_builtins_object__.__setattr__(self,'error',error)
 return __init__
CODES["def __create_fn__(_type_data, _type_unsafe, _type_error, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_unsafe, _dflt_error, _return_type):\n def __init__(self,data:_type_data,unsafe:_type_unsafe=_dflt_unsafe,error:_type_error=_dflt_error)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'data',data)\n  __dataclass_builtins_object__.__setattr__(self,'unsafe',unsafe)\n  __dataclass_builtins_object__.__setattr__(self,'error',error)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_backend, _type_project_file, _type_package, _type_edit, _type_edit_from, _type_notes, _type_refusal, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_backend, _dflt_project_file, _dflt_package, _dflt_edit, _dflt_edit_from, _dflt_notes, _dflt_refusal, _return_type):
 def __init__(self,backend:_type_backend=_dflt_backend,project_file:_type_project_file=_dflt_project_file,package:_type_package=_dflt_package,edit:_type_edit=_dflt_edit,edit_from:_type_edit_from=_dflt_edit_from,notes:_type_notes=_HAS_DEFAULT_FACTORY,refusal:_type_refusal=_dflt_refusal)->_return_type:
  self.backend=backend
  self.project_file=project_file
  self.package=package
  self.edit=edit
  self.edit_from=edit_from
  self.notes=_dflt_notes() if notes is _HAS_DEFAULT_FACTORY else notes
  self.refusal=refusal
 return __init__
CODES['def __create_fn__(_type_backend, _type_project_file, _type_package, _type_edit, _type_edit_from, _type_notes, _type_refusal, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_backend, _dflt_project_file, _dflt_package, _dflt_edit, _dflt_edit_from, _dflt_notes, _dflt_refusal, _return_type):\n def __init__(self,backend:_type_backend=_dflt_backend,project_file:_type_project_file=_dflt_project_file,package:_type_package=_dflt_package,edit:_type_edit=_dflt_edit,edit_from:_type_edit_from=_dflt_edit_from,notes:_type_notes=_HAS_DEFAULT_FACTORY,refusal:_type_refusal=_dflt_refusal)->_return_type:\n  self.backend=backend\n  self.project_file=project_file\n  self.package=package\n  self.edit=edit\n  self.edit_from=edit_from\n  self.notes=_dflt_notes() if notes is _HAS_DEFAULT_FACTORY else notes\n  self.refusal=refusal\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_include, _type_exclude, _type_include_package_data, _type_unsure_exclude, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_include, _dflt_exclude, _dflt_include_package_data, _dflt_unsure_exclude, _return_type):
 def __init__(self,include:_type_include=_HAS_DEFAULT_FACTORY,exclude:_type_exclude=_HAS_DEFAULT_FACTORY,include_package_data:_type_include_package_data=_dflt_include_package_data,unsure_exclude:_type_unsure_exclude=_dflt_unsure_exclude)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'include',_dflt_include() if include is _HAS_DEFAULT_FACTORY else include)
  __dataclass_builtins_object__.__setattr__(self,'exclude',_dflt_exclude() if exclude is _HAS_DEFAULT_FACTORY else exclude)
  __dataclass_builtins_object__.__setattr__(self,'include_package_data',include_package_data)
  __dataclass_builtins_object__.__setattr__(self,'unsure_exclude',unsure_exclude)
 return __init__
CODES["def __create_fn__(_type_include, _type_exclude, _type_include_package_data, _type_unsure_exclude, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_include, _dflt_exclude, _dflt_include_package_data, _dflt_unsure_exclude, _return_type):\n def __init__(self,include:_type_include=_HAS_DEFAULT_FACTORY,exclude:_type_exclude=_HAS_DEFAULT_FACTORY,include_package_data:_type_include_package_data=_dflt_include_package_data,unsure_exclude:_type_unsure_exclude=_dflt_unsure_exclude)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'include',_dflt_include() if include is _HAS_DEFAULT_FACTORY else include)\n  __dataclass_builtins_object__.__setattr__(self,'exclude',_dflt_exclude() if exclude is _HAS_DEFAULT_FACTORY else exclude)\n  __dataclass_builtins_object__.__setattr__(self,'include_package_data',include_package_data)\n  __dataclass_builtins_object__.__setattr__(self,'unsure_exclude',unsure_exclude)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_setup_py, _type_setup_cfg, _type_manifest, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,setup_py:_type_setup_py,setup_cfg:_type_setup_cfg,manifest:_type_manifest)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'setup_py',setup_py)
  __dataclass_builtins_object__.__setattr__(self,'setup_cfg',setup_cfg)
  __dataclass_builtins_object__.__setattr__(self,'manifest',manifest)
 return __init__
CODES["def __create_fn__(_type_setup_py, _type_setup_cfg, _type_manifest, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,setup_py:_type_setup_py,setup_cfg:_type_setup_cfg,manifest:_type_manifest)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'setup_py',setup_py)\n  __dataclass_builtins_object__.__setattr__(self,'setup_cfg',setup_cfg)\n  __dataclass_builtins_object__.__setattr__(self,'manifest',manifest)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_values, _type_errors, _type_fingerprints, _type_names, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,values:_type_values,errors:_type_errors,fingerprints:_type_fingerprints,names:_type_names)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'values',values)
  __dataclass_builtins_object__.__setattr__(self,'errors',errors)
  __dataclass_builtins_object__.__setattr__(self,'fingerprints',fingerprints)
  __dataclass_builtins_object__.__setattr__(self,'names',names)
 return __init__
CODES["def __create_fn__(_type_values, _type_errors, _type_fingerprints, _type_names, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,values:_type_values,errors:_type_errors,fingerprints:_type_fingerprints,names:_type_names)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'values',values)\n  __dataclass_builtins_object__.__setattr__(self,'errors',errors)\n  __dataclass_builtins_object__.__setattr__(self,'fingerprints',fingerprints)\n  __dataclass_builtins_object__.__setattr__(self,'names',names)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_names, _type_fmt, _type_verify_import, _type_dry_run, _type_workers, _type_memory_cap, _type_evaluate, _type_python, _type_always_verify, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_names, _dflt_fmt, _dflt_verify_import, _dflt_dry_run, _dflt_workers, _dflt_memory_cap, _dflt_evaluate, _dflt_python, _dflt_always_verify, _return_type):
 def __init__(self,names:_type_names=_dflt_names,fmt:_type_fmt=_dflt_fmt,verify_import:_type_verify_import=_dflt_verify_import,dry_run:_type_dry_run=_dflt_dry_run,workers:_type_workers=_dflt_workers,memory_cap:_type_memory_cap=_dflt_memory_cap,evaluate:_type_evaluate=_dflt_evaluate,python:_type_python=_dflt_python,always_verify:_type_always_verify=_dflt_always_verify)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'names',names)
  __dataclass_builtins_object__.__setattr__(self,'fmt',fmt)
  __dataclass_builtins_object__.__setattr__(self,'verify_import',verify_import)
  __dataclass_builtins_object__.__setattr__(self,'dry_run',dry_run)
  __dataclass_builtins_object__.__setattr__(self,'workers',workers)
  __dataclass_builtins_object__.__setattr__(self,'memory_cap',memory_cap)
  __dataclass_builtins_object__.__setattr__(self,'evaluate',evaluate)
  __dataclass_builtins_object__.__setattr__(self,'python',python)
  __dataclass_builtins_object__.__setattr__(self,'always_verify',always_verify)
 return __init__
CODES["def __create_fn__(_type_names, _type_fmt, _type_verify_import, _type_dry_run, _type_workers, _type_memory_cap, _type_evaluate, _type_python, _type_always_verify, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_names, _dflt_fmt, _dflt_verify_import, _dflt_dry_run, _dflt_workers, _dflt_memory_cap, _dflt_evaluate, _dflt_python, _dflt_always_verify, _return_type):\n def __init__(self,names:_type_names=_dflt_names,fmt:_type_fmt=_dflt_fmt,verify_import:_type_verify_import=_dflt_verify_import,dry_run:_type_dry_run=_dflt_dry_run,workers:_type_workers=_dflt_workers,memory_cap:_type_memory_cap=_dflt_memory_cap,evaluate:_type_evaluate=_dflt_evaluate,python:_type_python=_dflt_python,always_verify:_type_always_verify=_dflt_always_verify)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'names',names)\n  __dataclass_builtins_object__.__setattr__(self,'fmt',fmt)\n  __dataclass_builtins_object__.__setattr__(self,'verify_import',verify_import)\n  __dataclass_builtins_object__.__setattr__(self,'dry_run',dry_run)\n  __dataclass_builtins_object__.__setattr__(self,'workers',workers)\n  __dataclass_builtins_object__.__setattr__(self,'memory_cap',memory_cap)\n  __dataclass_builtins_object__.__setattr__(self,'evaluate',evaluate)\n  __dataclass_builtins_object__.__setattr__(self,'python',python)\n  __dataclass_builtins_object__.__setattr__(self,'always_verify',always_verify)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_new_module, _type_json_bytes, _type_manifest, _type_eager, _type_layouts, _type_expected, _type_evaluated, _type_before, _type_interpreter, _type_notes, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_evaluated, _dflt_before, _dflt_interpreter, _dflt_notes, _return_type):
 def __init__(self,new_module:_type_new_module,json_bytes:_type_json_bytes,manifest:_type_manifest,eager:_type_eager,layouts:_type_layouts,expected:_type_expected,evaluated:_type_evaluated=_dflt_evaluated,before:_type_before=_dflt_before,interpreter:_type_interpreter=_dflt_interpreter,notes:_type_notes=_HAS_DEFAULT_FACTORY)->_return_type:
  self.new_module=new_module
  self.json_bytes=json_bytes
  self.manifest=manifest
  self.eager=eager
  self.layouts=layouts
  self.expected=expected
  self.evaluated=evaluated
  self.before=before
  self.interpreter=interpreter
  self.notes=_dflt_notes() if notes is _HAS_DEFAULT_FACTORY else notes
 return __init__
CODES['def __create_fn__(_type_new_module, _type_json_bytes, _type_manifest, _type_eager, _type_layouts, _type_expected, _type_evaluated, _type_before, _type_interpreter, _type_notes, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_evaluated, _dflt_before, _dflt_interpreter, _dflt_notes, _return_type):\n def __init__(self,new_module:_type_new_module,json_bytes:_type_json_bytes,manifest:_type_manifest,eager:_type_eager,layouts:_type_layouts,expected:_type_expected,evaluated:_type_evaluated=_dflt_evaluated,before:_type_before=_dflt_before,interpreter:_type_interpreter=_dflt_interpreter,notes:_type_notes=_HAS_DEFAULT_FACTORY)->_return_type:\n  self.new_module=new_module\n  self.json_bytes=json_bytes\n  self.manifest=manifest\n  self.eager=eager\n  self.layouts=layouts\n  self.expected=expected\n  self.evaluated=evaluated\n  self.before=before\n  self.interpreter=interpreter\n  self.notes=_dflt_notes() if notes is _HAS_DEFAULT_FACTORY else notes\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_start, _type_end, _type_text, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,start:_type_start,end:_type_end,text:_type_text)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'start',start)
  __dataclass_builtins_object__.__setattr__(self,'end',end)
  __dataclass_builtins_object__.__setattr__(self,'text',text)
 return __init__
CODES["def __create_fn__(_type_start, _type_end, _type_text, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,start:_type_start,end:_type_end,text:_type_text)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'start',start)\n  __dataclass_builtins_object__.__setattr__(self,'end',end)\n  __dataclass_builtins_object__.__setattr__(self,'text',text)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_stmt, _type_value, _type_layout, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,stmt:_type_stmt,value:_type_value,layout:_type_layout)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'stmt',stmt)
  __dataclass_builtins_object__.__setattr__(self,'value',value)
  __dataclass_builtins_object__.__setattr__(self,'layout',layout)
 return __init__
CODES["def __create_fn__(_type_stmt, _type_value, _type_layout, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,stmt:_type_stmt,value:_type_value,layout:_type_layout)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'stmt',stmt)\n  __dataclass_builtins_object__.__setattr__(self,'value',value)\n  __dataclass_builtins_object__.__setattr__(self,'layout',layout)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_target, _type_text, _type_tagged, _type_sketch, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,target:_type_target,text:_type_text,tagged:_type_tagged,sketch:_type_sketch)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'target',target)
  __dataclass_builtins_object__.__setattr__(self,'text',text)
  __dataclass_builtins_object__.__setattr__(self,'tagged',tagged)
  __dataclass_builtins_object__.__setattr__(self,'sketch',sketch)
 return __init__
CODES["def __create_fn__(_type_target, _type_text, _type_tagged, _type_sketch, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,target:_type_target,text:_type_text,tagged:_type_tagged,sketch:_type_sketch)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'target',target)\n  __dataclass_builtins_object__.__setattr__(self,'text',text)\n  __dataclass_builtins_object__.__setattr__(self,'tagged',tagged)\n  __dataclass_builtins_object__.__setattr__(self,'sketch',sketch)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_module, _type_data_file, _type_status, _type_names, _type_eager, _type_tagged, _type_original_bytes, _type_module_bytes, _type_module_lines, _type_json_bytes, _type_data_bytes, _type_backup, _type_notes, _type_seconds, _type_evaluated, _type_interpreter, _type_verified, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_names, _dflt_eager, _dflt_tagged, _dflt_original_bytes, _dflt_module_bytes, _dflt_module_lines, _dflt_json_bytes, _dflt_data_bytes, _dflt_backup, _dflt_notes, _dflt_seconds, _dflt_evaluated, _dflt_interpreter, _dflt_verified, _return_type):
 def __init__(self,module:_type_module,data_file:_type_data_file,status:_type_status,names:_type_names=_dflt_names,eager:_type_eager=_dflt_eager,tagged:_type_tagged=_dflt_tagged,original_bytes:_type_original_bytes=_dflt_original_bytes,module_bytes:_type_module_bytes=_dflt_module_bytes,module_lines:_type_module_lines=_dflt_module_lines,json_bytes:_type_json_bytes=_dflt_json_bytes,data_bytes:_type_data_bytes=_dflt_data_bytes,backup:_type_backup=_dflt_backup,notes:_type_notes=_dflt_notes,seconds:_type_seconds=_dflt_seconds,evaluated:_type_evaluated=_dflt_evaluated,interpreter:_type_interpreter=_dflt_interpreter,verified:_type_verified=_dflt_verified)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'module',module)
  __dataclass_builtins_object__.__setattr__(self,'data_file',data_file)
  __dataclass_builtins_object__.__setattr__(self,'status',status)
  __dataclass_builtins_object__.__setattr__(self,'names',names)
  __dataclass_builtins_object__.__setattr__(self,'eager',eager)
  __dataclass_builtins_object__.__setattr__(self,'tagged',tagged)
  __dataclass_builtins_object__.__setattr__(self,'original_bytes',original_bytes)
  __dataclass_builtins_object__.__setattr__(self,'module_bytes',module_bytes)
  __dataclass_builtins_object__.__setattr__(self,'module_lines',module_lines)
  __dataclass_builtins_object__.__setattr__(self,'json_bytes',json_bytes)
  __dataclass_builtins_object__.__setattr__(self,'data_bytes',data_bytes)
  __dataclass_builtins_object__.__setattr__(self,'backup',backup)
  __dataclass_builtins_object__.__setattr__(self,'notes',notes)
  __dataclass_builtins_object__.__setattr__(self,'seconds',seconds)
  __dataclass_builtins_object__.__setattr__(self,'evaluated',evaluated)
  __dataclass_builtins_object__.__setattr__(self,'interpreter',interpreter)
  __dataclass_builtins_object__.__setattr__(self,'verified',verified)
 return __init__
CODES["def __create_fn__(_type_module, _type_data_file, _type_status, _type_names, _type_eager, _type_tagged, _type_original_bytes, _type_module_bytes, _type_module_lines, _type_json_bytes, _type_data_bytes, _type_backup, _type_notes, _type_seconds, _type_evaluated, _type_interpreter, _type_verified, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_names, _dflt_eager, _dflt_tagged, _dflt_original_bytes, _dflt_module_bytes, _dflt_module_lines, _dflt_json_bytes, _dflt_data_bytes, _dflt_backup, _dflt_notes, _dflt_seconds, _dflt_evaluated, _dflt_interpreter, _dflt_verified, _return_type):\n def __init__(self,module:_type_module,data_file:_type_data_file,status:_type_status,names:_type_names=_dflt_names,eager:_type_eager=_dflt_eager,tagged:_type_tagged=_dflt_tagged,original_bytes:_type_original_bytes=_dflt_original_bytes,module_bytes:_type_module_bytes=_dflt_module_bytes,module_lines:_type_module_lines=_dflt_module_lines,json_bytes:_type_json_bytes=_dflt_json_bytes,data_bytes:_type_data_bytes=_dflt_data_bytes,backup:_type_backup=_dflt_backup,notes:_type_notes=_dflt_notes,seconds:_type_seconds=_dflt_seconds,evaluated:_type_evaluated=_dflt_evaluated,interpreter:_type_interpreter=_dflt_interpreter,verified:_type_verified=_dflt_verified)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'module',module)\n  __dataclass_builtins_object__.__setattr__(self,'data_file',data_file)\n  __dataclass_builtins_object__.__setattr__(self,'status',status)\n  __dataclass_builtins_object__.__setattr__(self,'names',names)\n  __dataclass_builtins_object__.__setattr__(self,'eager',eager)\n  __dataclass_builtins_object__.__setattr__(self,'tagged',tagged)\n  __dataclass_builtins_object__.__setattr__(self,'original_bytes',original_bytes)\n  __dataclass_builtins_object__.__setattr__(self,'module_bytes',module_bytes)\n  __dataclass_builtins_object__.__setattr__(self,'module_lines',module_lines)\n  __dataclass_builtins_object__.__setattr__(self,'json_bytes',json_bytes)\n  __dataclass_builtins_object__.__setattr__(self,'data_bytes',data_bytes)\n  __dataclass_builtins_object__.__setattr__(self,'backup',backup)\n  __dataclass_builtins_object__.__setattr__(self,'notes',notes)\n  __dataclass_builtins_object__.__setattr__(self,'seconds',seconds)\n  __dataclass_builtins_object__.__setattr__(self,'evaluated',evaluated)\n  __dataclass_builtins_object__.__setattr__(self,'interpreter',interpreter)\n  __dataclass_builtins_object__.__setattr__(self,'verified',verified)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_root, _type_rel, _type_before, _type_after, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,root:_type_root,rel:_type_rel,before:_type_before,after:_type_after)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'root',root)
  __dataclass_builtins_object__.__setattr__(self,'rel',rel)
  __dataclass_builtins_object__.__setattr__(self,'before',before)
  __dataclass_builtins_object__.__setattr__(self,'after',after)
 return __init__
CODES["def __create_fn__(_type_root, _type_rel, _type_before, _type_after, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,root:_type_root,rel:_type_rel,before:_type_before,after:_type_after)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'root',root)\n  __dataclass_builtins_object__.__setattr__(self,'rel',rel)\n  __dataclass_builtins_object__.__setattr__(self,'before',before)\n  __dataclass_builtins_object__.__setattr__(self,'after',after)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_editor, _type_filename, _type_markers, _type_note, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,editor:_type_editor,filename:_type_filename,markers:_type_markers,note:_type_note)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'editor',editor)
  __dataclass_builtins_object__.__setattr__(self,'filename',filename)
  __dataclass_builtins_object__.__setattr__(self,'markers',markers)
  __dataclass_builtins_object__.__setattr__(self,'note',note)
 return __init__
CODES["def __create_fn__(_type_editor, _type_filename, _type_markers, _type_note, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,editor:_type_editor,filename:_type_filename,markers:_type_markers,note:_type_note)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'editor',editor)\n  __dataclass_builtins_object__.__setattr__(self,'filename',filename)\n  __dataclass_builtins_object__.__setattr__(self,'markers',markers)\n  __dataclass_builtins_object__.__setattr__(self,'note',note)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_root, _type_rel, _type_before, _type_after, _type_note, _type_added, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_note, _dflt_added, _return_type):
 def __init__(self,root:_type_root,rel:_type_rel,before:_type_before,after:_type_after,note:_type_note=_dflt_note,added:_type_added=_dflt_added)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'root',root)
  __dataclass_builtins_object__.__setattr__(self,'rel',rel)
  __dataclass_builtins_object__.__setattr__(self,'before',before)
  __dataclass_builtins_object__.__setattr__(self,'after',after)
  __dataclass_builtins_object__.__setattr__(self,'note',note)
  __dataclass_builtins_object__.__setattr__(self,'added',added)
 return __init__
CODES["def __create_fn__(_type_root, _type_rel, _type_before, _type_after, _type_note, _type_added, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_note, _dflt_added, _return_type):\n def __init__(self,root:_type_root,rel:_type_rel,before:_type_before,after:_type_after,note:_type_note=_dflt_note,added:_type_added=_dflt_added)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'root',root)\n  __dataclass_builtins_object__.__setattr__(self,'rel',rel)\n  __dataclass_builtins_object__.__setattr__(self,'before',before)\n  __dataclass_builtins_object__.__setattr__(self,'after',after)\n  __dataclass_builtins_object__.__setattr__(self,'note',note)\n  __dataclass_builtins_object__.__setattr__(self,'added',added)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_done, _type_note, _type_attention, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_note, _dflt_attention, _return_type):
 def __init__(self,done:_type_done,note:_type_note=_dflt_note,attention:_type_attention=_dflt_attention)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'done',done)
  __dataclass_builtins_object__.__setattr__(self,'note',note)
  __dataclass_builtins_object__.__setattr__(self,'attention',attention)
 return __init__
CODES["def __create_fn__(_type_done, _type_note, _type_attention, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_note, _dflt_attention, _return_type):\n def __init__(self,done:_type_done,note:_type_note=_dflt_note,attention:_type_attention=_dflt_attention)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'done',done)\n  __dataclass_builtins_object__.__setattr__(self,'note',note)\n  __dataclass_builtins_object__.__setattr__(self,'attention',attention)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_root, _type_rel, _type_before, _type_after, _type_added, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,root:_type_root,rel:_type_rel,before:_type_before,after:_type_after,added:_type_added)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'root',root)
  __dataclass_builtins_object__.__setattr__(self,'rel',rel)
  __dataclass_builtins_object__.__setattr__(self,'before',before)
  __dataclass_builtins_object__.__setattr__(self,'after',after)
  __dataclass_builtins_object__.__setattr__(self,'added',added)
 return __init__
CODES["def __create_fn__(_type_root, _type_rel, _type_before, _type_after, _type_added, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,root:_type_root,rel:_type_rel,before:_type_before,after:_type_after,added:_type_added)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'root',root)\n  __dataclass_builtins_object__.__setattr__(self,'rel',rel)\n  __dataclass_builtins_object__.__setattr__(self,'before',before)\n  __dataclass_builtins_object__.__setattr__(self,'after',after)\n  __dataclass_builtins_object__.__setattr__(self,'added',added)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_top_fd, _type_made, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_made, _return_type):
 def __init__(self,top_fd:_type_top_fd,made:_type_made=_HAS_DEFAULT_FACTORY)->_return_type:
  self.top_fd=top_fd
  self.made=_dflt_made() if made is _HAS_DEFAULT_FACTORY else made
 return __init__
CODES['def __create_fn__(_type_top_fd, _type_made, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_made, _return_type):\n def __init__(self,top_fd:_type_top_fd,made:_type_made=_HAS_DEFAULT_FACTORY)->_return_type:\n  self.top_fd=top_fd\n  self.made=_dflt_made() if made is _HAS_DEFAULT_FACTORY else made\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type__first, _type__last, _type__expected, _type__changed, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt__first, _dflt__last, _dflt__expected, _dflt__changed, _return_type):
 def __init__(self,_first:_type__first=_HAS_DEFAULT_FACTORY,_last:_type__last=_HAS_DEFAULT_FACTORY,_expected:_type__expected=_HAS_DEFAULT_FACTORY,_changed:_type__changed=_HAS_DEFAULT_FACTORY)->_return_type:
  self._first=_dflt__first() if _first is _HAS_DEFAULT_FACTORY else _first
  self._last=_dflt__last() if _last is _HAS_DEFAULT_FACTORY else _last
  self._expected=_dflt__expected() if _expected is _HAS_DEFAULT_FACTORY else _expected
  self._changed=_dflt__changed() if _changed is _HAS_DEFAULT_FACTORY else _changed
 return __init__
CODES['def __create_fn__(_type__first, _type__last, _type__expected, _type__changed, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt__first, _dflt__last, _dflt__expected, _dflt__changed, _return_type):\n def __init__(self,_first:_type__first=_HAS_DEFAULT_FACTORY,_last:_type__last=_HAS_DEFAULT_FACTORY,_expected:_type__expected=_HAS_DEFAULT_FACTORY,_changed:_type__changed=_HAS_DEFAULT_FACTORY)->_return_type:\n  self._first=_dflt__first() if _first is _HAS_DEFAULT_FACTORY else _first\n  self._last=_dflt__last() if _last is _HAS_DEFAULT_FACTORY else _last\n  self._expected=_dflt__expected() if _expected is _HAS_DEFAULT_FACTORY else _expected\n  self._changed=_dflt__changed() if _changed is _HAS_DEFAULT_FACTORY else _changed\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_action, _type_item, _type_slot, _type_method, _type_seq, _type_copied_since_ns, _type_aside, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_copied_since_ns, _dflt_aside, _return_type):
 def __init__(self,action:_type_action,item:_type_item,slot:_type_slot,method:_type_method,seq:_type_seq,copied_since_ns:_type_copied_since_ns=_dflt_copied_since_ns,aside:_type_aside=_dflt_aside)->_return_type:
  self.action=action
  self.item=item
  self.slot=slot
  self.method=method
  self.seq=seq
  self.copied_since_ns=copied_since_ns
  self.aside=aside
 return __init__
CODES['def __create_fn__(_type_action, _type_item, _type_slot, _type_method, _type_seq, _type_copied_since_ns, _type_aside, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_copied_since_ns, _dflt_aside, _return_type):\n def __init__(self,action:_type_action,item:_type_item,slot:_type_slot,method:_type_method,seq:_type_seq,copied_since_ns:_type_copied_since_ns=_dflt_copied_since_ns,aside:_type_aside=_dflt_aside)->_return_type:\n  self.action=action\n  self.item=item\n  self.slot=slot\n  self.method=method\n  self.seq=seq\n  self.copied_since_ns=copied_since_ns\n  self.aside=aside\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_root, _type_edits, _type_verdicts, _type_errors, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_edits, _dflt_verdicts, _dflt_errors, _return_type):
 def __init__(self,root:_type_root,edits:_type_edits=_dflt_edits,verdicts:_type_verdicts=_dflt_verdicts,errors:_type_errors=_dflt_errors)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'root',root)
  __dataclass_builtins_object__.__setattr__(self,'edits',edits)
  __dataclass_builtins_object__.__setattr__(self,'verdicts',verdicts)
  __dataclass_builtins_object__.__setattr__(self,'errors',errors)
 return __init__
CODES["def __create_fn__(_type_root, _type_edits, _type_verdicts, _type_errors, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_edits, _dflt_verdicts, _dflt_errors, _return_type):\n def __init__(self,root:_type_root,edits:_type_edits=_dflt_edits,verdicts:_type_verdicts=_dflt_verdicts,errors:_type_errors=_dflt_errors)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'root',root)\n  __dataclass_builtins_object__.__setattr__(self,'edits',edits)\n  __dataclass_builtins_object__.__setattr__(self,'verdicts',verdicts)\n  __dataclass_builtins_object__.__setattr__(self,'errors',errors)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_restored, _type_already, _type_kept, _type_blocked, _type_temp, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_restored, _dflt_already, _dflt_kept, _dflt_blocked, _dflt_temp, _return_type):
 def __init__(self,restored:_type_restored=_HAS_DEFAULT_FACTORY,already:_type_already=_HAS_DEFAULT_FACTORY,kept:_type_kept=_HAS_DEFAULT_FACTORY,blocked:_type_blocked=_HAS_DEFAULT_FACTORY,temp:_type_temp=_dflt_temp)->_return_type:
  self.restored=_dflt_restored() if restored is _HAS_DEFAULT_FACTORY else restored
  self.already=_dflt_already() if already is _HAS_DEFAULT_FACTORY else already
  self.kept=_dflt_kept() if kept is _HAS_DEFAULT_FACTORY else kept
  self.blocked=_dflt_blocked() if blocked is _HAS_DEFAULT_FACTORY else blocked
  self.temp=temp
 return __init__
CODES['def __create_fn__(_type_restored, _type_already, _type_kept, _type_blocked, _type_temp, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_restored, _dflt_already, _dflt_kept, _dflt_blocked, _dflt_temp, _return_type):\n def __init__(self,restored:_type_restored=_HAS_DEFAULT_FACTORY,already:_type_already=_HAS_DEFAULT_FACTORY,kept:_type_kept=_HAS_DEFAULT_FACTORY,blocked:_type_blocked=_HAS_DEFAULT_FACTORY,temp:_type_temp=_dflt_temp)->_return_type:\n  self.restored=_dflt_restored() if restored is _HAS_DEFAULT_FACTORY else restored\n  self.already=_dflt_already() if already is _HAS_DEFAULT_FACTORY else already\n  self.kept=_dflt_kept() if kept is _HAS_DEFAULT_FACTORY else kept\n  self.blocked=_dflt_blocked() if blocked is _HAS_DEFAULT_FACTORY else blocked\n  self.temp=temp\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_intent, _type_spot, _type_run, _type_slot, _type_home, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,intent:_type_intent,spot:_type_spot,run:_type_run,slot:_type_slot,home:_type_home)->_return_type:
  self.intent=intent
  self.spot=spot
  self.run=run
  self.slot=slot
  self.home=home
 return __init__
CODES['def __create_fn__(_type_intent, _type_spot, _type_run, _type_slot, _type_home, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,intent:_type_intent,spot:_type_spot,run:_type_run,slot:_type_slot,home:_type_home)->_return_type:\n  self.intent=intent\n  self.spot=spot\n  self.run=run\n  self.slot=slot\n  self.home=home\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_path, _type_code, _type_message, _type_fix, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,path:_type_path,code:_type_code,message:_type_message,fix:_type_fix)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'path',path)
  __dataclass_builtins_object__.__setattr__(self,'code',code)
  __dataclass_builtins_object__.__setattr__(self,'message',message)
  __dataclass_builtins_object__.__setattr__(self,'fix',fix)
 return __init__
CODES["def __create_fn__(_type_path, _type_code, _type_message, _type_fix, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,path:_type_path,code:_type_code,message:_type_message,fix:_type_fix)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'path',path)\n  __dataclass_builtins_object__.__setattr__(self,'code',code)\n  __dataclass_builtins_object__.__setattr__(self,'message',message)\n  __dataclass_builtins_object__.__setattr__(self,'fix',fix)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_holders, _type_configured, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,holders:_type_holders,configured:_type_configured)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'holders',holders)
  __dataclass_builtins_object__.__setattr__(self,'configured',configured)
 return __init__
CODES["def __create_fn__(_type_holders, _type_configured, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,holders:_type_holders,configured:_type_configured)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'holders',holders)\n  __dataclass_builtins_object__.__setattr__(self,'configured',configured)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_commit, _type_url, _type_checkout, _type_how, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,commit:_type_commit,url:_type_url,checkout:_type_checkout,how:_type_how)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'commit',commit)
  __dataclass_builtins_object__.__setattr__(self,'url',url)
  __dataclass_builtins_object__.__setattr__(self,'checkout',checkout)
  __dataclass_builtins_object__.__setattr__(self,'how',how)
 return __init__
CODES["def __create_fn__(_type_commit, _type_url, _type_checkout, _type_how, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,commit:_type_commit,url:_type_url,checkout:_type_checkout,how:_type_how)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'commit',commit)\n  __dataclass_builtins_object__.__setattr__(self,'url',url)\n  __dataclass_builtins_object__.__setattr__(self,'checkout',checkout)\n  __dataclass_builtins_object__.__setattr__(self,'how',how)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_text, _type_note, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_note, _return_type):
 def __init__(self,text:_type_text,note:_type_note=_dflt_note)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'text',text)
  __dataclass_builtins_object__.__setattr__(self,'note',note)
 return __init__
CODES["def __create_fn__(_type_text, _type_note, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_note, _return_type):\n def __init__(self,text:_type_text,note:_type_note=_dflt_note)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'text',text)\n  __dataclass_builtins_object__.__setattr__(self,'note',note)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_path, _type_action, _type_reason, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_reason, _return_type):
 def __init__(self,path:_type_path,action:_type_action,reason:_type_reason=_dflt_reason)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'path',path)
  __dataclass_builtins_object__.__setattr__(self,'action',action)
  __dataclass_builtins_object__.__setattr__(self,'reason',reason)
 return __init__
CODES["def __create_fn__(_type_path, _type_action, _type_reason, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_reason, _return_type):\n def __init__(self,path:_type_path,action:_type_action,reason:_type_reason=_dflt_reason)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'path',path)\n  __dataclass_builtins_object__.__setattr__(self,'action',action)\n  __dataclass_builtins_object__.__setattr__(self,'reason',reason)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_repo, _type_scanned_at, _type_scanned_bytes, _type_scanned_files, _type_tracked_bytes, _type_tracked_files, _type_surface_before, _type_surface_after, _type_reclaimable_bytes, _type_findings, _type_families, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,repo:_type_repo,scanned_at:_type_scanned_at,scanned_bytes:_type_scanned_bytes,scanned_files:_type_scanned_files,tracked_bytes:_type_tracked_bytes,tracked_files:_type_tracked_files,surface_before:_type_surface_before,surface_after:_type_surface_after,reclaimable_bytes:_type_reclaimable_bytes,findings:_type_findings,families:_type_families)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'repo',repo)
  __dataclass_builtins_object__.__setattr__(self,'scanned_at',scanned_at)
  __dataclass_builtins_object__.__setattr__(self,'scanned_bytes',scanned_bytes)
  __dataclass_builtins_object__.__setattr__(self,'scanned_files',scanned_files)
  __dataclass_builtins_object__.__setattr__(self,'tracked_bytes',tracked_bytes)
  __dataclass_builtins_object__.__setattr__(self,'tracked_files',tracked_files)
  __dataclass_builtins_object__.__setattr__(self,'surface_before',surface_before)
  __dataclass_builtins_object__.__setattr__(self,'surface_after',surface_after)
  __dataclass_builtins_object__.__setattr__(self,'reclaimable_bytes',reclaimable_bytes)
  __dataclass_builtins_object__.__setattr__(self,'findings',findings)
  __dataclass_builtins_object__.__setattr__(self,'families',families)
 return __init__
CODES["def __create_fn__(_type_repo, _type_scanned_at, _type_scanned_bytes, _type_scanned_files, _type_tracked_bytes, _type_tracked_files, _type_surface_before, _type_surface_after, _type_reclaimable_bytes, _type_findings, _type_families, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,repo:_type_repo,scanned_at:_type_scanned_at,scanned_bytes:_type_scanned_bytes,scanned_files:_type_scanned_files,tracked_bytes:_type_tracked_bytes,tracked_files:_type_tracked_files,surface_before:_type_surface_before,surface_after:_type_surface_after,reclaimable_bytes:_type_reclaimable_bytes,findings:_type_findings,families:_type_families)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'repo',repo)\n  __dataclass_builtins_object__.__setattr__(self,'scanned_at',scanned_at)\n  __dataclass_builtins_object__.__setattr__(self,'scanned_bytes',scanned_bytes)\n  __dataclass_builtins_object__.__setattr__(self,'scanned_files',scanned_files)\n  __dataclass_builtins_object__.__setattr__(self,'tracked_bytes',tracked_bytes)\n  __dataclass_builtins_object__.__setattr__(self,'tracked_files',tracked_files)\n  __dataclass_builtins_object__.__setattr__(self,'surface_before',surface_before)\n  __dataclass_builtins_object__.__setattr__(self,'surface_after',surface_after)\n  __dataclass_builtins_object__.__setattr__(self,'reclaimable_bytes',reclaimable_bytes)\n  __dataclass_builtins_object__.__setattr__(self,'findings',findings)\n  __dataclass_builtins_object__.__setattr__(self,'families',families)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_key, _type_label, _type_unit, _type_values, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,key:_type_key,label:_type_label,unit:_type_unit,values:_type_values)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'key',key)
  __dataclass_builtins_object__.__setattr__(self,'label',label)
  __dataclass_builtins_object__.__setattr__(self,'unit',unit)
  __dataclass_builtins_object__.__setattr__(self,'values',values)
 return __init__
CODES["def __create_fn__(_type_key, _type_label, _type_unit, _type_values, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,key:_type_key,label:_type_label,unit:_type_unit,values:_type_values)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'key',key)\n  __dataclass_builtins_object__.__setattr__(self,'label',label)\n  __dataclass_builtins_object__.__setattr__(self,'unit',unit)\n  __dataclass_builtins_object__.__setattr__(self,'values',values)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_name, _type_path, _type_kids, _type_own_bytes, _type_own_files, _type_explored, _type_block, _type_synthetic, _type_total_bytes, _type_total_files, _type_family, _type_finding, _type_by_family, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_kids, _dflt_own_bytes, _dflt_own_files, _dflt_explored, _dflt_block, _dflt_synthetic, _dflt_total_bytes, _dflt_total_files, _dflt_family, _dflt_finding, _dflt_by_family, _return_type):
 def __init__(self,name:_type_name,path:_type_path,kids:_type_kids=_HAS_DEFAULT_FACTORY,own_bytes:_type_own_bytes=_dflt_own_bytes,own_files:_type_own_files=_dflt_own_files,explored:_type_explored=_dflt_explored,block:_type_block=_dflt_block,synthetic:_type_synthetic=_dflt_synthetic,total_bytes:_type_total_bytes=_dflt_total_bytes,total_files:_type_total_files=_dflt_total_files,family:_type_family=_dflt_family,finding:_type_finding=_dflt_finding,by_family:_type_by_family=_HAS_DEFAULT_FACTORY)->_return_type:
  self.name=name
  self.path=path
  self.kids=_dflt_kids() if kids is _HAS_DEFAULT_FACTORY else kids
  self.own_bytes=own_bytes
  self.own_files=own_files
  self.explored=explored
  self.block=block
  self.synthetic=synthetic
  self.total_bytes=total_bytes
  self.total_files=total_files
  self.family=family
  self.finding=finding
  self.by_family=_dflt_by_family() if by_family is _HAS_DEFAULT_FACTORY else by_family
 return __init__
CODES['def __create_fn__(_type_name, _type_path, _type_kids, _type_own_bytes, _type_own_files, _type_explored, _type_block, _type_synthetic, _type_total_bytes, _type_total_files, _type_family, _type_finding, _type_by_family, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_kids, _dflt_own_bytes, _dflt_own_files, _dflt_explored, _dflt_block, _dflt_synthetic, _dflt_total_bytes, _dflt_total_files, _dflt_family, _dflt_finding, _dflt_by_family, _return_type):\n def __init__(self,name:_type_name,path:_type_path,kids:_type_kids=_HAS_DEFAULT_FACTORY,own_bytes:_type_own_bytes=_dflt_own_bytes,own_files:_type_own_files=_dflt_own_files,explored:_type_explored=_dflt_explored,block:_type_block=_dflt_block,synthetic:_type_synthetic=_dflt_synthetic,total_bytes:_type_total_bytes=_dflt_total_bytes,total_files:_type_total_files=_dflt_total_files,family:_type_family=_dflt_family,finding:_type_finding=_dflt_finding,by_family:_type_by_family=_HAS_DEFAULT_FACTORY)->_return_type:\n  self.name=name\n  self.path=path\n  self.kids=_dflt_kids() if kids is _HAS_DEFAULT_FACTORY else kids\n  self.own_bytes=own_bytes\n  self.own_files=own_files\n  self.explored=explored\n  self.block=block\n  self.synthetic=synthetic\n  self.total_bytes=total_bytes\n  self.total_files=total_files\n  self.family=family\n  self.finding=finding\n  self.by_family=_dflt_by_family() if by_family is _HAS_DEFAULT_FACTORY else by_family\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_root, _type_is_repo, _type_hits, _type_artifact_dirs, _type_big_files, _type_stale_legacy_pyc, _type_git, _type_surface, _type_config, _type_sizes, _type_early, _type_started, _type_hidden_hits, _type_content, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_early, _dflt_started, _dflt_hidden_hits, _dflt_content, _return_type):
 def __init__(self,root:_type_root,is_repo:_type_is_repo,hits:_type_hits,artifact_dirs:_type_artifact_dirs,big_files:_type_big_files,stale_legacy_pyc:_type_stale_legacy_pyc,git:_type_git,surface:_type_surface,config:_type_config,sizes:_type_sizes,early:_type_early=_HAS_DEFAULT_FACTORY,started:_type_started=_HAS_DEFAULT_FACTORY,hidden_hits:_type_hidden_hits=_dflt_hidden_hits,content:_type_content=_dflt_content)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'root',root)
  __dataclass_builtins_object__.__setattr__(self,'is_repo',is_repo)
  __dataclass_builtins_object__.__setattr__(self,'hits',hits)
  __dataclass_builtins_object__.__setattr__(self,'artifact_dirs',artifact_dirs)
  __dataclass_builtins_object__.__setattr__(self,'big_files',big_files)
  __dataclass_builtins_object__.__setattr__(self,'stale_legacy_pyc',stale_legacy_pyc)
  __dataclass_builtins_object__.__setattr__(self,'git',git)
  __dataclass_builtins_object__.__setattr__(self,'surface',surface)
  __dataclass_builtins_object__.__setattr__(self,'config',config)
  __dataclass_builtins_object__.__setattr__(self,'sizes',sizes)
  __dataclass_builtins_object__.__setattr__(self,'early',_dflt_early() if early is _HAS_DEFAULT_FACTORY else early)
  __dataclass_builtins_object__.__setattr__(self,'started',_dflt_started() if started is _HAS_DEFAULT_FACTORY else started)
  __dataclass_builtins_object__.__setattr__(self,'hidden_hits',hidden_hits)
  __dataclass_builtins_object__.__setattr__(self,'content',content)
 return __init__
CODES["def __create_fn__(_type_root, _type_is_repo, _type_hits, _type_artifact_dirs, _type_big_files, _type_stale_legacy_pyc, _type_git, _type_surface, _type_config, _type_sizes, _type_early, _type_started, _type_hidden_hits, _type_content, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_early, _dflt_started, _dflt_hidden_hits, _dflt_content, _return_type):\n def __init__(self,root:_type_root,is_repo:_type_is_repo,hits:_type_hits,artifact_dirs:_type_artifact_dirs,big_files:_type_big_files,stale_legacy_pyc:_type_stale_legacy_pyc,git:_type_git,surface:_type_surface,config:_type_config,sizes:_type_sizes,early:_type_early=_HAS_DEFAULT_FACTORY,started:_type_started=_HAS_DEFAULT_FACTORY,hidden_hits:_type_hidden_hits=_dflt_hidden_hits,content:_type_content=_dflt_content)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'root',root)\n  __dataclass_builtins_object__.__setattr__(self,'is_repo',is_repo)\n  __dataclass_builtins_object__.__setattr__(self,'hits',hits)\n  __dataclass_builtins_object__.__setattr__(self,'artifact_dirs',artifact_dirs)\n  __dataclass_builtins_object__.__setattr__(self,'big_files',big_files)\n  __dataclass_builtins_object__.__setattr__(self,'stale_legacy_pyc',stale_legacy_pyc)\n  __dataclass_builtins_object__.__setattr__(self,'git',git)\n  __dataclass_builtins_object__.__setattr__(self,'surface',surface)\n  __dataclass_builtins_object__.__setattr__(self,'config',config)\n  __dataclass_builtins_object__.__setattr__(self,'sizes',sizes)\n  __dataclass_builtins_object__.__setattr__(self,'early',_dflt_early() if early is _HAS_DEFAULT_FACTORY else early)\n  __dataclass_builtins_object__.__setattr__(self,'started',_dflt_started() if started is _HAS_DEFAULT_FACTORY else started)\n  __dataclass_builtins_object__.__setattr__(self,'hidden_hits',hidden_hits)\n  __dataclass_builtins_object__.__setattr__(self,'content',content)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_group, _type_findings, _type_tracked_blobs, _type_history_disk, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,group:_type_group,findings:_type_findings,tracked_blobs:_type_tracked_blobs,history_disk:_type_history_disk)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'group',group)
  __dataclass_builtins_object__.__setattr__(self,'findings',findings)
  __dataclass_builtins_object__.__setattr__(self,'tracked_blobs',tracked_blobs)
  __dataclass_builtins_object__.__setattr__(self,'history_disk',history_disk)
 return __init__
CODES["def __create_fn__(_type_group, _type_findings, _type_tracked_blobs, _type_history_disk, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,group:_type_group,findings:_type_findings,tracked_blobs:_type_tracked_blobs,history_disk:_type_history_disk)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'group',group)\n  __dataclass_builtins_object__.__setattr__(self,'findings',findings)\n  __dataclass_builtins_object__.__setattr__(self,'tracked_blobs',tracked_blobs)\n  __dataclass_builtins_object__.__setattr__(self,'history_disk',history_disk)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_limit, _type_measured, _type_failing, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,limit:_type_limit,measured:_type_measured,failing:_type_failing)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'limit',limit)
  __dataclass_builtins_object__.__setattr__(self,'measured',measured)
  __dataclass_builtins_object__.__setattr__(self,'failing',failing)
 return __init__
CODES["def __create_fn__(_type_limit, _type_measured, _type_failing, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,limit:_type_limit,measured:_type_measured,failing:_type_failing)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'limit',limit)\n  __dataclass_builtins_object__.__setattr__(self,'measured',measured)\n  __dataclass_builtins_object__.__setattr__(self,'failing',failing)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_key, _type_expects, _type_parse, _type_judge, _type_counts, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_counts, _return_type):
 def __init__(self,key:_type_key,expects:_type_expects,parse:_type_parse,judge:_type_judge,counts:_type_counts=_dflt_counts)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'key',key)
  __dataclass_builtins_object__.__setattr__(self,'expects',expects)
  __dataclass_builtins_object__.__setattr__(self,'parse',parse)
  __dataclass_builtins_object__.__setattr__(self,'judge',judge)
  __dataclass_builtins_object__.__setattr__(self,'counts',counts)
 return __init__
CODES["def __create_fn__(_type_key, _type_expects, _type_parse, _type_judge, _type_counts, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_counts, _return_type):\n def __init__(self,key:_type_key,expects:_type_expects,parse:_type_parse,judge:_type_judge,counts:_type_counts=_dflt_counts)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'key',key)\n  __dataclass_builtins_object__.__setattr__(self,'expects',expects)\n  __dataclass_builtins_object__.__setattr__(self,'parse',parse)\n  __dataclass_builtins_object__.__setattr__(self,'judge',judge)\n  __dataclass_builtins_object__.__setattr__(self,'counts',counts)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_code, _type_name, _type_summary, _type_doc, _type_check, _type_fix_applicability, _type_also_emits, _type_start, _type_begin, _type_early, _type_budget, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_also_emits, _dflt_start, _dflt_begin, _dflt_early, _dflt_budget, _return_type):
 def __init__(self,code:_type_code,name:_type_name,summary:_type_summary,doc:_type_doc,check:_type_check,fix_applicability:_type_fix_applicability,also_emits:_type_also_emits=_dflt_also_emits,start:_type_start=_dflt_start,begin:_type_begin=_dflt_begin,early:_type_early=_dflt_early,budget:_type_budget=_dflt_budget)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'code',code)
  __dataclass_builtins_object__.__setattr__(self,'name',name)
  __dataclass_builtins_object__.__setattr__(self,'summary',summary)
  __dataclass_builtins_object__.__setattr__(self,'doc',doc)
  __dataclass_builtins_object__.__setattr__(self,'check',check)
  __dataclass_builtins_object__.__setattr__(self,'fix_applicability',fix_applicability)
  __dataclass_builtins_object__.__setattr__(self,'also_emits',also_emits)
  __dataclass_builtins_object__.__setattr__(self,'start',start)
  __dataclass_builtins_object__.__setattr__(self,'begin',begin)
  __dataclass_builtins_object__.__setattr__(self,'early',early)
  __dataclass_builtins_object__.__setattr__(self,'budget',budget)
 return __init__
CODES["def __create_fn__(_type_code, _type_name, _type_summary, _type_doc, _type_check, _type_fix_applicability, _type_also_emits, _type_start, _type_begin, _type_early, _type_budget, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_also_emits, _dflt_start, _dflt_begin, _dflt_early, _dflt_budget, _return_type):\n def __init__(self,code:_type_code,name:_type_name,summary:_type_summary,doc:_type_doc,check:_type_check,fix_applicability:_type_fix_applicability,also_emits:_type_also_emits=_dflt_also_emits,start:_type_start=_dflt_start,begin:_type_begin=_dflt_begin,early:_type_early=_dflt_early,budget:_type_budget=_dflt_budget)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'code',code)\n  __dataclass_builtins_object__.__setattr__(self,'name',name)\n  __dataclass_builtins_object__.__setattr__(self,'summary',summary)\n  __dataclass_builtins_object__.__setattr__(self,'doc',doc)\n  __dataclass_builtins_object__.__setattr__(self,'check',check)\n  __dataclass_builtins_object__.__setattr__(self,'fix_applicability',fix_applicability)\n  __dataclass_builtins_object__.__setattr__(self,'also_emits',also_emits)\n  __dataclass_builtins_object__.__setattr__(self,'start',start)\n  __dataclass_builtins_object__.__setattr__(self,'begin',begin)\n  __dataclass_builtins_object__.__setattr__(self,'early',early)\n  __dataclass_builtins_object__.__setattr__(self,'budget',budget)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_values, _type_source, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_values, _dflt_source, _return_type):
 def __init__(self,values:_type_values=_HAS_DEFAULT_FACTORY,source:_type_source=_dflt_source)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'values',_dflt_values() if values is _HAS_DEFAULT_FACTORY else values)
  __dataclass_builtins_object__.__setattr__(self,'source',source)
 return __init__
CODES["def __create_fn__(_type_values, _type_source, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_values, _dflt_source, _return_type):\n def __init__(self,values:_type_values=_HAS_DEFAULT_FACTORY,source:_type_source=_dflt_source)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'values',_dflt_values() if values is _HAS_DEFAULT_FACTORY else values)\n  __dataclass_builtins_object__.__setattr__(self,'source',source)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_rule, _type_group, _type_limit, _type_measured, _type_ok, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,rule:_type_rule,group:_type_group,limit:_type_limit,measured:_type_measured,ok:_type_ok)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'rule',rule)
  __dataclass_builtins_object__.__setattr__(self,'group',group)
  __dataclass_builtins_object__.__setattr__(self,'limit',limit)
  __dataclass_builtins_object__.__setattr__(self,'measured',measured)
  __dataclass_builtins_object__.__setattr__(self,'ok',ok)
 return __init__
CODES["def __create_fn__(_type_rule, _type_group, _type_limit, _type_measured, _type_ok, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,rule:_type_rule,group:_type_group,limit:_type_limit,measured:_type_measured,ok:_type_ok)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'rule',rule)\n  __dataclass_builtins_object__.__setattr__(self,'group',group)\n  __dataclass_builtins_object__.__setattr__(self,'limit',limit)\n  __dataclass_builtins_object__.__setattr__(self,'measured',measured)\n  __dataclass_builtins_object__.__setattr__(self,'ok',ok)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_floor, _type_folders, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,floor:_type_floor,folders:_type_folders)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'floor',floor)
  __dataclass_builtins_object__.__setattr__(self,'folders',folders)
 return __init__
CODES["def __create_fn__(_type_floor, _type_folders, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,floor:_type_floor,folders:_type_folders)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'floor',floor)\n  __dataclass_builtins_object__.__setattr__(self,'folders',folders)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_pointers, _type_plain_but_lfs, _type_pointer_without_rule, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_pointers, _dflt_plain_but_lfs, _dflt_pointer_without_rule, _return_type):
 def __init__(self,pointers:_type_pointers=_HAS_DEFAULT_FACTORY,plain_but_lfs:_type_plain_but_lfs=_HAS_DEFAULT_FACTORY,pointer_without_rule:_type_pointer_without_rule=_HAS_DEFAULT_FACTORY)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'pointers',_dflt_pointers() if pointers is _HAS_DEFAULT_FACTORY else pointers)
  __dataclass_builtins_object__.__setattr__(self,'plain_but_lfs',_dflt_plain_but_lfs() if plain_but_lfs is _HAS_DEFAULT_FACTORY else plain_but_lfs)
  __dataclass_builtins_object__.__setattr__(self,'pointer_without_rule',_dflt_pointer_without_rule() if pointer_without_rule is _HAS_DEFAULT_FACTORY else pointer_without_rule)
 return __init__
CODES["def __create_fn__(_type_pointers, _type_plain_but_lfs, _type_pointer_without_rule, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_pointers, _dflt_plain_but_lfs, _dflt_pointer_without_rule, _return_type):\n def __init__(self,pointers:_type_pointers=_HAS_DEFAULT_FACTORY,plain_but_lfs:_type_plain_but_lfs=_HAS_DEFAULT_FACTORY,pointer_without_rule:_type_pointer_without_rule=_HAS_DEFAULT_FACTORY)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'pointers',_dflt_pointers() if pointers is _HAS_DEFAULT_FACTORY else pointers)\n  __dataclass_builtins_object__.__setattr__(self,'plain_but_lfs',_dflt_plain_but_lfs() if plain_but_lfs is _HAS_DEFAULT_FACTORY else plain_but_lfs)\n  __dataclass_builtins_object__.__setattr__(self,'pointer_without_rule',_dflt_pointer_without_rule() if pointer_without_rule is _HAS_DEFAULT_FACTORY else pointer_without_rule)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_paths, _type_found, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,paths:_type_paths,found:_type_found)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'paths',paths)
  __dataclass_builtins_object__.__setattr__(self,'found',found)
 return __init__
CODES["def __create_fn__(_type_paths, _type_found, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,paths:_type_paths,found:_type_found)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'paths',paths)\n  __dataclass_builtins_object__.__setattr__(self,'found',found)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_libraries, _type_patterns, _type_request, _type_matches, _type_searched, _type_answered, _type_history_size, _type_head_at, _type_judged, _type_judged_from, _type_grades, _type_history_asked, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_libraries, _dflt_patterns, _dflt_request, _dflt_matches, _dflt_searched, _dflt_answered, _dflt_history_size, _dflt_head_at, _dflt_judged, _dflt_judged_from, _dflt_grades, _dflt_history_asked, _return_type):
 def __init__(self,libraries:_type_libraries=_dflt_libraries,patterns:_type_patterns=_dflt_patterns,request:_type_request=_HAS_DEFAULT_FACTORY,matches:_type_matches=_dflt_matches,searched:_type_searched=_dflt_searched,answered:_type_answered=_dflt_answered,history_size:_type_history_size=_dflt_history_size,head_at:_type_head_at=_dflt_head_at,judged:_type_judged=_dflt_judged,judged_from:_type_judged_from=_dflt_judged_from,grades:_type_grades=_HAS_DEFAULT_FACTORY,history_asked:_type_history_asked=_dflt_history_asked)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'libraries',libraries)
  __dataclass_builtins_object__.__setattr__(self,'patterns',patterns)
  __dataclass_builtins_object__.__setattr__(self,'request',_dflt_request() if request is _HAS_DEFAULT_FACTORY else request)
  __dataclass_builtins_object__.__setattr__(self,'matches',matches)
  __dataclass_builtins_object__.__setattr__(self,'searched',searched)
  __dataclass_builtins_object__.__setattr__(self,'answered',answered)
  __dataclass_builtins_object__.__setattr__(self,'history_size',history_size)
  __dataclass_builtins_object__.__setattr__(self,'head_at',head_at)
  __dataclass_builtins_object__.__setattr__(self,'judged',judged)
  __dataclass_builtins_object__.__setattr__(self,'judged_from',judged_from)
  __dataclass_builtins_object__.__setattr__(self,'grades',_dflt_grades() if grades is _HAS_DEFAULT_FACTORY else grades)
  __dataclass_builtins_object__.__setattr__(self,'history_asked',history_asked)
 return __init__
CODES["def __create_fn__(_type_libraries, _type_patterns, _type_request, _type_matches, _type_searched, _type_answered, _type_history_size, _type_head_at, _type_judged, _type_judged_from, _type_grades, _type_history_asked, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_libraries, _dflt_patterns, _dflt_request, _dflt_matches, _dflt_searched, _dflt_answered, _dflt_history_size, _dflt_head_at, _dflt_judged, _dflt_judged_from, _dflt_grades, _dflt_history_asked, _return_type):\n def __init__(self,libraries:_type_libraries=_dflt_libraries,patterns:_type_patterns=_dflt_patterns,request:_type_request=_HAS_DEFAULT_FACTORY,matches:_type_matches=_dflt_matches,searched:_type_searched=_dflt_searched,answered:_type_answered=_dflt_answered,history_size:_type_history_size=_dflt_history_size,head_at:_type_head_at=_dflt_head_at,judged:_type_judged=_dflt_judged,judged_from:_type_judged_from=_dflt_judged_from,grades:_type_grades=_HAS_DEFAULT_FACTORY,history_asked:_type_history_asked=_dflt_history_asked)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'libraries',libraries)\n  __dataclass_builtins_object__.__setattr__(self,'patterns',patterns)\n  __dataclass_builtins_object__.__setattr__(self,'request',_dflt_request() if request is _HAS_DEFAULT_FACTORY else request)\n  __dataclass_builtins_object__.__setattr__(self,'matches',matches)\n  __dataclass_builtins_object__.__setattr__(self,'searched',searched)\n  __dataclass_builtins_object__.__setattr__(self,'answered',answered)\n  __dataclass_builtins_object__.__setattr__(self,'history_size',history_size)\n  __dataclass_builtins_object__.__setattr__(self,'head_at',head_at)\n  __dataclass_builtins_object__.__setattr__(self,'judged',judged)\n  __dataclass_builtins_object__.__setattr__(self,'judged_from',judged_from)\n  __dataclass_builtins_object__.__setattr__(self,'grades',_dflt_grades() if grades is _HAS_DEFAULT_FACTORY else grades)\n  __dataclass_builtins_object__.__setattr__(self,'history_asked',history_asked)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_files, _type_searched, _type_matches, _type_grades, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,files:_type_files,searched:_type_searched,matches:_type_matches,grades:_type_grades)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'files',files)
  __dataclass_builtins_object__.__setattr__(self,'searched',searched)
  __dataclass_builtins_object__.__setattr__(self,'matches',matches)
  __dataclass_builtins_object__.__setattr__(self,'grades',grades)
 return __init__
CODES["def __create_fn__(_type_files, _type_searched, _type_matches, _type_grades, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,files:_type_files,searched:_type_searched,matches:_type_matches,grades:_type_grades)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'files',files)\n  __dataclass_builtins_object__.__setattr__(self,'searched',searched)\n  __dataclass_builtins_object__.__setattr__(self,'matches',matches)\n  __dataclass_builtins_object__.__setattr__(self,'grades',grades)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_found, _type_content, _type_matches, _type_searched, _type_untracked, _type_untracked_also, _type_last, _type_tracked_verdicts, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_content, _dflt_matches, _dflt_searched, _dflt_untracked, _dflt_untracked_also, _dflt_last, _dflt_tracked_verdicts, _return_type):
 def __init__(self,found:_type_found,content:_type_content=_dflt_content,matches:_type_matches=_HAS_DEFAULT_FACTORY,searched:_type_searched=_dflt_searched,untracked:_type_untracked=_dflt_untracked,untracked_also:_type_untracked_also=_dflt_untracked_also,last:_type_last=_dflt_last,tracked_verdicts:_type_tracked_verdicts=_dflt_tracked_verdicts)->_return_type:
  self.found=found
  self.content=content
  self.matches=_dflt_matches() if matches is _HAS_DEFAULT_FACTORY else matches
  self.searched=searched
  self.untracked=untracked
  self.untracked_also=untracked_also
  self.last=last
  self.tracked_verdicts=tracked_verdicts
 return __init__
CODES['def __create_fn__(_type_found, _type_content, _type_matches, _type_searched, _type_untracked, _type_untracked_also, _type_last, _type_tracked_verdicts, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_content, _dflt_matches, _dflt_searched, _dflt_untracked, _dflt_untracked_also, _dflt_last, _dflt_tracked_verdicts, _return_type):\n def __init__(self,found:_type_found,content:_type_content=_dflt_content,matches:_type_matches=_HAS_DEFAULT_FACTORY,searched:_type_searched=_dflt_searched,untracked:_type_untracked=_dflt_untracked,untracked_also:_type_untracked_also=_dflt_untracked_also,last:_type_last=_dflt_last,tracked_verdicts:_type_tracked_verdicts=_dflt_tracked_verdicts)->_return_type:\n  self.found=found\n  self.content=content\n  self.matches=_dflt_matches() if matches is _HAS_DEFAULT_FACTORY else matches\n  self.searched=searched\n  self.untracked=untracked\n  self.untracked_also=untracked_also\n  self.last=last\n  self.tracked_verdicts=tracked_verdicts\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_unit, _type_first, _type_last, _type_events, _type_touched, _type_not_before, _type_overflow, _type_deferrals, _type_paths, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_events, _dflt_touched, _dflt_not_before, _dflt_overflow, _dflt_deferrals, _dflt_paths, _return_type):
 def __init__(self,unit:_type_unit,first:_type_first,last:_type_last,events:_type_events=_dflt_events,touched:_type_touched=_HAS_DEFAULT_FACTORY,not_before:_type_not_before=_dflt_not_before,overflow:_type_overflow=_dflt_overflow,deferrals:_type_deferrals=_dflt_deferrals,paths:_type_paths=_HAS_DEFAULT_FACTORY)->_return_type:
  self.unit=unit
  self.first=first
  self.last=last
  self.events=events
  self.touched=_dflt_touched() if touched is _HAS_DEFAULT_FACTORY else touched
  self.not_before=not_before
  self.overflow=overflow
  self.deferrals=deferrals
  self.paths=_dflt_paths() if paths is _HAS_DEFAULT_FACTORY else paths
 return __init__
CODES['def __create_fn__(_type_unit, _type_first, _type_last, _type_events, _type_touched, _type_not_before, _type_overflow, _type_deferrals, _type_paths, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_events, _dflt_touched, _dflt_not_before, _dflt_overflow, _dflt_deferrals, _dflt_paths, _return_type):\n def __init__(self,unit:_type_unit,first:_type_first,last:_type_last,events:_type_events=_dflt_events,touched:_type_touched=_HAS_DEFAULT_FACTORY,not_before:_type_not_before=_dflt_not_before,overflow:_type_overflow=_dflt_overflow,deferrals:_type_deferrals=_dflt_deferrals,paths:_type_paths=_HAS_DEFAULT_FACTORY)->_return_type:\n  self.unit=unit\n  self.first=first\n  self.last=last\n  self.events=events\n  self.touched=_dflt_touched() if touched is _HAS_DEFAULT_FACTORY else touched\n  self.not_before=not_before\n  self.overflow=overflow\n  self.deferrals=deferrals\n  self.paths=_dflt_paths() if paths is _HAS_DEFAULT_FACTORY else paths\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_reason, _type_wait, _type_lasting, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_lasting, _return_type):
 def __init__(self,reason:_type_reason,wait:_type_wait,lasting:_type_lasting=_dflt_lasting)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'reason',reason)
  __dataclass_builtins_object__.__setattr__(self,'wait',wait)
  __dataclass_builtins_object__.__setattr__(self,'lasting',lasting)
 return __init__
CODES["def __create_fn__(_type_reason, _type_wait, _type_lasting, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_lasting, _return_type):\n def __init__(self,reason:_type_reason,wait:_type_wait,lasting:_type_lasting=_dflt_lasting)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'reason',reason)\n  __dataclass_builtins_object__.__setattr__(self,'wait',wait)\n  __dataclass_builtins_object__.__setattr__(self,'lasting',lasting)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_max_user_watches, _type_max_user_instances, _type_max_queued_events, _type_in_use, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,max_user_watches:_type_max_user_watches,max_user_instances:_type_max_user_instances,max_queued_events:_type_max_queued_events,in_use:_type_in_use)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'max_user_watches',max_user_watches)
  __dataclass_builtins_object__.__setattr__(self,'max_user_instances',max_user_instances)
  __dataclass_builtins_object__.__setattr__(self,'max_queued_events',max_queued_events)
  __dataclass_builtins_object__.__setattr__(self,'in_use',in_use)
 return __init__
CODES["def __create_fn__(_type_max_user_watches, _type_max_user_instances, _type_max_queued_events, _type_in_use, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,max_user_watches:_type_max_user_watches,max_user_instances:_type_max_user_instances,max_queued_events:_type_max_queued_events,in_use:_type_in_use)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'max_user_watches',max_user_watches)\n  __dataclass_builtins_object__.__setattr__(self,'max_user_instances',max_user_instances)\n  __dataclass_builtins_object__.__setattr__(self,'max_queued_events',max_queued_events)\n  __dataclass_builtins_object__.__setattr__(self,'in_use',in_use)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_path, _type_kind, _type_inner, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,path:_type_path,kind:_type_kind,inner:_type_inner)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'path',path)
  __dataclass_builtins_object__.__setattr__(self,'kind',kind)
  __dataclass_builtins_object__.__setattr__(self,'inner',inner)
 return __init__
CODES["def __create_fn__(_type_path, _type_kind, _type_inner, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,path:_type_path,kind:_type_kind,inner:_type_inner)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'path',path)\n  __dataclass_builtins_object__.__setattr__(self,'kind',kind)\n  __dataclass_builtins_object__.__setattr__(self,'inner',inner)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_roots, _type_project_dirs, _type_caches, _type_units, _type_skipped, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_project_dirs, _dflt_caches, _dflt_units, _dflt_skipped, _return_type):
 def __init__(self,roots:_type_roots,project_dirs:_type_project_dirs=_HAS_DEFAULT_FACTORY,caches:_type_caches=_HAS_DEFAULT_FACTORY,units:_type_units=_HAS_DEFAULT_FACTORY,skipped:_type_skipped=_dflt_skipped)->_return_type:
  self.roots=roots
  self.project_dirs=_dflt_project_dirs() if project_dirs is _HAS_DEFAULT_FACTORY else project_dirs
  self.caches=_dflt_caches() if caches is _HAS_DEFAULT_FACTORY else caches
  self.units=_dflt_units() if units is _HAS_DEFAULT_FACTORY else units
  self.skipped=skipped
 return __init__
CODES['def __create_fn__(_type_roots, _type_project_dirs, _type_caches, _type_units, _type_skipped, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_project_dirs, _dflt_caches, _dflt_units, _dflt_skipped, _return_type):\n def __init__(self,roots:_type_roots,project_dirs:_type_project_dirs=_HAS_DEFAULT_FACTORY,caches:_type_caches=_HAS_DEFAULT_FACTORY,units:_type_units=_HAS_DEFAULT_FACTORY,skipped:_type_skipped=_dflt_skipped)->_return_type:\n  self.roots=roots\n  self.project_dirs=_dflt_project_dirs() if project_dirs is _HAS_DEFAULT_FACTORY else project_dirs\n  self.caches=_dflt_caches() if caches is _HAS_DEFAULT_FACTORY else caches\n  self.units=_dflt_units() if units is _HAS_DEFAULT_FACTORY else units\n  self.skipped=skipped\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_mode, _type_dirs, _type_cache_dirs, _type_budget, _type_limit, _type_in_use, _type_reason, _type_rescan_every, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,mode:_type_mode,dirs:_type_dirs,cache_dirs:_type_cache_dirs,budget:_type_budget,limit:_type_limit,in_use:_type_in_use,reason:_type_reason,rescan_every:_type_rescan_every)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'mode',mode)
  __dataclass_builtins_object__.__setattr__(self,'dirs',dirs)
  __dataclass_builtins_object__.__setattr__(self,'cache_dirs',cache_dirs)
  __dataclass_builtins_object__.__setattr__(self,'budget',budget)
  __dataclass_builtins_object__.__setattr__(self,'limit',limit)
  __dataclass_builtins_object__.__setattr__(self,'in_use',in_use)
  __dataclass_builtins_object__.__setattr__(self,'reason',reason)
  __dataclass_builtins_object__.__setattr__(self,'rescan_every',rescan_every)
 return __init__
CODES["def __create_fn__(_type_mode, _type_dirs, _type_cache_dirs, _type_budget, _type_limit, _type_in_use, _type_reason, _type_rescan_every, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,mode:_type_mode,dirs:_type_dirs,cache_dirs:_type_cache_dirs,budget:_type_budget,limit:_type_limit,in_use:_type_in_use,reason:_type_reason,rescan_every:_type_rescan_every)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'mode',mode)\n  __dataclass_builtins_object__.__setattr__(self,'dirs',dirs)\n  __dataclass_builtins_object__.__setattr__(self,'cache_dirs',cache_dirs)\n  __dataclass_builtins_object__.__setattr__(self,'budget',budget)\n  __dataclass_builtins_object__.__setattr__(self,'limit',limit)\n  __dataclass_builtins_object__.__setattr__(self,'in_use',in_use)\n  __dataclass_builtins_object__.__setattr__(self,'reason',reason)\n  __dataclass_builtins_object__.__setattr__(self,'rescan_every',rescan_every)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_path, _type_cache_root, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,path:_type_path,cache_root:_type_cache_root)->_return_type:
  self.path=path
  self.cache_root=cache_root
 return __init__
CODES['def __create_fn__(_type_path, _type_cache_root, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,path:_type_path,cache_root:_type_cache_root)->_return_type:\n  self.path=path\n  self.cache_root=cache_root\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_stale_bytecode, _type_artifacts_older_than, _type_artifact_kinds, _type_cache_budget, _type_cache_kinds, _type_big_file, _type_settle, _type_quiet, _type_rescan_every, _type_max_watches, _type_sources, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_stale_bytecode, _dflt_artifacts_older_than, _dflt_artifact_kinds, _dflt_cache_budget, _dflt_cache_kinds, _dflt_big_file, _dflt_settle, _dflt_quiet, _dflt_rescan_every, _dflt_max_watches, _dflt_sources, _return_type):
 def __init__(self,stale_bytecode:_type_stale_bytecode=_dflt_stale_bytecode,artifacts_older_than:_type_artifacts_older_than=_dflt_artifacts_older_than,artifact_kinds:_type_artifact_kinds=_dflt_artifact_kinds,cache_budget:_type_cache_budget=_dflt_cache_budget,cache_kinds:_type_cache_kinds=_dflt_cache_kinds,big_file:_type_big_file=_dflt_big_file,settle:_type_settle=_dflt_settle,quiet:_type_quiet=_dflt_quiet,rescan_every:_type_rescan_every=_dflt_rescan_every,max_watches:_type_max_watches=_dflt_max_watches,sources:_type_sources=_dflt_sources)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'stale_bytecode',stale_bytecode)
  __dataclass_builtins_object__.__setattr__(self,'artifacts_older_than',artifacts_older_than)
  __dataclass_builtins_object__.__setattr__(self,'artifact_kinds',artifact_kinds)
  __dataclass_builtins_object__.__setattr__(self,'cache_budget',cache_budget)
  __dataclass_builtins_object__.__setattr__(self,'cache_kinds',cache_kinds)
  __dataclass_builtins_object__.__setattr__(self,'big_file',big_file)
  __dataclass_builtins_object__.__setattr__(self,'settle',settle)
  __dataclass_builtins_object__.__setattr__(self,'quiet',quiet)
  __dataclass_builtins_object__.__setattr__(self,'rescan_every',rescan_every)
  __dataclass_builtins_object__.__setattr__(self,'max_watches',max_watches)
  __dataclass_builtins_object__.__setattr__(self,'sources',sources)
 return __init__
CODES["def __create_fn__(_type_stale_bytecode, _type_artifacts_older_than, _type_artifact_kinds, _type_cache_budget, _type_cache_kinds, _type_big_file, _type_settle, _type_quiet, _type_rescan_every, _type_max_watches, _type_sources, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_stale_bytecode, _dflt_artifacts_older_than, _dflt_artifact_kinds, _dflt_cache_budget, _dflt_cache_kinds, _dflt_big_file, _dflt_settle, _dflt_quiet, _dflt_rescan_every, _dflt_max_watches, _dflt_sources, _return_type):\n def __init__(self,stale_bytecode:_type_stale_bytecode=_dflt_stale_bytecode,artifacts_older_than:_type_artifacts_older_than=_dflt_artifacts_older_than,artifact_kinds:_type_artifact_kinds=_dflt_artifact_kinds,cache_budget:_type_cache_budget=_dflt_cache_budget,cache_kinds:_type_cache_kinds=_dflt_cache_kinds,big_file:_type_big_file=_dflt_big_file,settle:_type_settle=_dflt_settle,quiet:_type_quiet=_dflt_quiet,rescan_every:_type_rescan_every=_dflt_rescan_every,max_watches:_type_max_watches=_dflt_max_watches,sources:_type_sources=_dflt_sources)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'stale_bytecode',stale_bytecode)\n  __dataclass_builtins_object__.__setattr__(self,'artifacts_older_than',artifacts_older_than)\n  __dataclass_builtins_object__.__setattr__(self,'artifact_kinds',artifact_kinds)\n  __dataclass_builtins_object__.__setattr__(self,'cache_budget',cache_budget)\n  __dataclass_builtins_object__.__setattr__(self,'cache_kinds',cache_kinds)\n  __dataclass_builtins_object__.__setattr__(self,'big_file',big_file)\n  __dataclass_builtins_object__.__setattr__(self,'settle',settle)\n  __dataclass_builtins_object__.__setattr__(self,'quiet',quiet)\n  __dataclass_builtins_object__.__setattr__(self,'rescan_every',rescan_every)\n  __dataclass_builtins_object__.__setattr__(self,'max_watches',max_watches)\n  __dataclass_builtins_object__.__setattr__(self,'sources',sources)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_chosen, _type_total_before, _type_total_after, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,chosen:_type_chosen,total_before:_type_total_before,total_after:_type_total_after)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'chosen',chosen)
  __dataclass_builtins_object__.__setattr__(self,'total_before',total_before)
  __dataclass_builtins_object__.__setattr__(self,'total_after',total_after)
 return __init__
CODES["def __create_fn__(_type_chosen, _type_total_before, _type_total_after, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,chosen:_type_chosen,total_before:_type_total_before,total_after:_type_total_after)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'chosen',chosen)\n  __dataclass_builtins_object__.__setattr__(self,'total_before',total_before)\n  __dataclass_builtins_object__.__setattr__(self,'total_after',total_after)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_roots, _type_targets, _type_reason, _type_config_path, _type_touched, _type_check_busy, _type_overrides, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_reason, _dflt_config_path, _dflt_touched, _dflt_check_busy, _dflt_overrides, _return_type):
 def __init__(self,roots:_type_roots,targets:_type_targets,reason:_type_reason=_dflt_reason,config_path:_type_config_path=_dflt_config_path,touched:_type_touched=_HAS_DEFAULT_FACTORY,check_busy:_type_check_busy=_dflt_check_busy,overrides:_type_overrides=_HAS_DEFAULT_FACTORY)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'roots',roots)
  __dataclass_builtins_object__.__setattr__(self,'targets',targets)
  __dataclass_builtins_object__.__setattr__(self,'reason',reason)
  __dataclass_builtins_object__.__setattr__(self,'config_path',config_path)
  __dataclass_builtins_object__.__setattr__(self,'touched',_dflt_touched() if touched is _HAS_DEFAULT_FACTORY else touched)
  __dataclass_builtins_object__.__setattr__(self,'check_busy',check_busy)
  __dataclass_builtins_object__.__setattr__(self,'overrides',_dflt_overrides() if overrides is _HAS_DEFAULT_FACTORY else overrides)
 return __init__
CODES["def __create_fn__(_type_roots, _type_targets, _type_reason, _type_config_path, _type_touched, _type_check_busy, _type_overrides, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_reason, _dflt_config_path, _dflt_touched, _dflt_check_busy, _dflt_overrides, _return_type):\n def __init__(self,roots:_type_roots,targets:_type_targets,reason:_type_reason=_dflt_reason,config_path:_type_config_path=_dflt_config_path,touched:_type_touched=_HAS_DEFAULT_FACTORY,check_busy:_type_check_busy=_dflt_check_busy,overrides:_type_overrides=_HAS_DEFAULT_FACTORY)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'roots',roots)\n  __dataclass_builtins_object__.__setattr__(self,'targets',targets)\n  __dataclass_builtins_object__.__setattr__(self,'reason',reason)\n  __dataclass_builtins_object__.__setattr__(self,'config_path',config_path)\n  __dataclass_builtins_object__.__setattr__(self,'touched',_dflt_touched() if touched is _HAS_DEFAULT_FACTORY else touched)\n  __dataclass_builtins_object__.__setattr__(self,'check_busy',check_busy)\n  __dataclass_builtins_object__.__setattr__(self,'overrides',_dflt_overrides() if overrides is _HAS_DEFAULT_FACTORY else overrides)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_reason, _type_targets, _type_seconds, _type_run_id, _type_done, _type_skipped, _type_failed, _type_bytes, _type_moved, _type_retry, _type_deferred, _type_warnings, _type_actions, _type_left, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_seconds, _dflt_run_id, _dflt_done, _dflt_skipped, _dflt_failed, _dflt_bytes, _dflt_moved, _dflt_retry, _dflt_deferred, _dflt_warnings, _dflt_actions, _dflt_left, _return_type):
 def __init__(self,reason:_type_reason,targets:_type_targets,seconds:_type_seconds=_dflt_seconds,run_id:_type_run_id=_dflt_run_id,done:_type_done=_dflt_done,skipped:_type_skipped=_dflt_skipped,failed:_type_failed=_dflt_failed,bytes:_type_bytes=_dflt_bytes,moved:_type_moved=_HAS_DEFAULT_FACTORY,retry:_type_retry=_HAS_DEFAULT_FACTORY,deferred:_type_deferred=_HAS_DEFAULT_FACTORY,warnings:_type_warnings=_HAS_DEFAULT_FACTORY,actions:_type_actions=_HAS_DEFAULT_FACTORY,left:_type_left=_HAS_DEFAULT_FACTORY)->_return_type:
  self.reason=reason
  self.targets=targets
  self.seconds=seconds
  self.run_id=run_id
  self.done=done
  self.skipped=skipped
  self.failed=failed
  self.bytes=bytes
  self.moved=_dflt_moved() if moved is _HAS_DEFAULT_FACTORY else moved
  self.retry=_dflt_retry() if retry is _HAS_DEFAULT_FACTORY else retry
  self.deferred=_dflt_deferred() if deferred is _HAS_DEFAULT_FACTORY else deferred
  self.warnings=_dflt_warnings() if warnings is _HAS_DEFAULT_FACTORY else warnings
  self.actions=_dflt_actions() if actions is _HAS_DEFAULT_FACTORY else actions
  self.left=_dflt_left() if left is _HAS_DEFAULT_FACTORY else left
 return __init__
CODES['def __create_fn__(_type_reason, _type_targets, _type_seconds, _type_run_id, _type_done, _type_skipped, _type_failed, _type_bytes, _type_moved, _type_retry, _type_deferred, _type_warnings, _type_actions, _type_left, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_seconds, _dflt_run_id, _dflt_done, _dflt_skipped, _dflt_failed, _dflt_bytes, _dflt_moved, _dflt_retry, _dflt_deferred, _dflt_warnings, _dflt_actions, _dflt_left, _return_type):\n def __init__(self,reason:_type_reason,targets:_type_targets,seconds:_type_seconds=_dflt_seconds,run_id:_type_run_id=_dflt_run_id,done:_type_done=_dflt_done,skipped:_type_skipped=_dflt_skipped,failed:_type_failed=_dflt_failed,bytes:_type_bytes=_dflt_bytes,moved:_type_moved=_HAS_DEFAULT_FACTORY,retry:_type_retry=_HAS_DEFAULT_FACTORY,deferred:_type_deferred=_HAS_DEFAULT_FACTORY,warnings:_type_warnings=_HAS_DEFAULT_FACTORY,actions:_type_actions=_HAS_DEFAULT_FACTORY,left:_type_left=_HAS_DEFAULT_FACTORY)->_return_type:\n  self.reason=reason\n  self.targets=targets\n  self.seconds=seconds\n  self.run_id=run_id\n  self.done=done\n  self.skipped=skipped\n  self.failed=failed\n  self.bytes=bytes\n  self.moved=_dflt_moved() if moved is _HAS_DEFAULT_FACTORY else moved\n  self.retry=_dflt_retry() if retry is _HAS_DEFAULT_FACTORY else retry\n  self.deferred=_dflt_deferred() if deferred is _HAS_DEFAULT_FACTORY else deferred\n  self.warnings=_dflt_warnings() if warnings is _HAS_DEFAULT_FACTORY else warnings\n  self.actions=_dflt_actions() if actions is _HAS_DEFAULT_FACTORY else actions\n  self.left=_dflt_left() if left is _HAS_DEFAULT_FACTORY else left\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_roots, _type_config_path, _type_overrides, _type_mode, _type_max_watches, _type_initial_pass, _type_max_seconds, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_config_path, _dflt_overrides, _dflt_mode, _dflt_max_watches, _dflt_initial_pass, _dflt_max_seconds, _return_type):
 def __init__(self,roots:_type_roots,config_path:_type_config_path=_dflt_config_path,overrides:_type_overrides=_HAS_DEFAULT_FACTORY,mode:_type_mode=_dflt_mode,max_watches:_type_max_watches=_dflt_max_watches,initial_pass:_type_initial_pass=_dflt_initial_pass,max_seconds:_type_max_seconds=_dflt_max_seconds)->_return_type:
  self.roots=roots
  self.config_path=config_path
  self.overrides=_dflt_overrides() if overrides is _HAS_DEFAULT_FACTORY else overrides
  self.mode=mode
  self.max_watches=max_watches
  self.initial_pass=initial_pass
  self.max_seconds=max_seconds
 return __init__
CODES['def __create_fn__(_type_roots, _type_config_path, _type_overrides, _type_mode, _type_max_watches, _type_initial_pass, _type_max_seconds, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_config_path, _dflt_overrides, _dflt_mode, _dflt_max_watches, _dflt_initial_pass, _dflt_max_seconds, _return_type):\n def __init__(self,roots:_type_roots,config_path:_type_config_path=_dflt_config_path,overrides:_type_overrides=_HAS_DEFAULT_FACTORY,mode:_type_mode=_dflt_mode,max_watches:_type_max_watches=_dflt_max_watches,initial_pass:_type_initial_pass=_dflt_initial_pass,max_seconds:_type_max_seconds=_dflt_max_seconds)->_return_type:\n  self.roots=roots\n  self.config_path=config_path\n  self.overrides=_dflt_overrides() if overrides is _HAS_DEFAULT_FACTORY else overrides\n  self.mode=mode\n  self.max_watches=max_watches\n  self.initial_pass=initial_pass\n  self.max_seconds=max_seconds\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_systemd_dir, _type_launchd_dir, _type_crontab_file, _type_overridden, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_overridden, _return_type):
 def __init__(self,systemd_dir:_type_systemd_dir,launchd_dir:_type_launchd_dir,crontab_file:_type_crontab_file,overridden:_type_overridden=_dflt_overridden)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'systemd_dir',systemd_dir)
  __dataclass_builtins_object__.__setattr__(self,'launchd_dir',launchd_dir)
  __dataclass_builtins_object__.__setattr__(self,'crontab_file',crontab_file)
  __dataclass_builtins_object__.__setattr__(self,'overridden',overridden)
 return __init__
CODES["def __create_fn__(_type_systemd_dir, _type_launchd_dir, _type_crontab_file, _type_overridden, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_overridden, _return_type):\n def __init__(self,systemd_dir:_type_systemd_dir,launchd_dir:_type_launchd_dir,crontab_file:_type_crontab_file,overridden:_type_overridden=_dflt_overridden)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'systemd_dir',systemd_dir)\n  __dataclass_builtins_object__.__setattr__(self,'launchd_dir',launchd_dir)\n  __dataclass_builtins_object__.__setattr__(self,'crontab_file',crontab_file)\n  __dataclass_builtins_object__.__setattr__(self,'overridden',overridden)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_roots, _type_hour, _type_minute, _type_python, _type_state_dir, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_python, _dflt_state_dir, _return_type):
 def __init__(self,roots:_type_roots,hour:_type_hour,minute:_type_minute,python:_type_python=_HAS_DEFAULT_FACTORY,state_dir:_type_state_dir=_dflt_state_dir)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'roots',roots)
  __dataclass_builtins_object__.__setattr__(self,'hour',hour)
  __dataclass_builtins_object__.__setattr__(self,'minute',minute)
  __dataclass_builtins_object__.__setattr__(self,'python',_dflt_python() if python is _HAS_DEFAULT_FACTORY else python)
  __dataclass_builtins_object__.__setattr__(self,'state_dir',state_dir)
 return __init__
CODES["def __create_fn__(_type_roots, _type_hour, _type_minute, _type_python, _type_state_dir, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_python, _dflt_state_dir, _return_type):\n def __init__(self,roots:_type_roots,hour:_type_hour,minute:_type_minute,python:_type_python=_HAS_DEFAULT_FACTORY,state_dir:_type_state_dir=_dflt_state_dir)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'roots',roots)\n  __dataclass_builtins_object__.__setattr__(self,'hour',hour)\n  __dataclass_builtins_object__.__setattr__(self,'minute',minute)\n  __dataclass_builtins_object__.__setattr__(self,'python',_dflt_python() if python is _HAS_DEFAULT_FACTORY else python)\n  __dataclass_builtins_object__.__setattr__(self,'state_dir',state_dir)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_scheduler, _type_files, _type_notes, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_files, _dflt_notes, _return_type):
 def __init__(self,scheduler:_type_scheduler,files:_type_files=_HAS_DEFAULT_FACTORY,notes:_type_notes=_HAS_DEFAULT_FACTORY)->_return_type:
  self.scheduler=scheduler
  self.files=_dflt_files() if files is _HAS_DEFAULT_FACTORY else files
  self.notes=_dflt_notes() if notes is _HAS_DEFAULT_FACTORY else notes
 return __init__
CODES['def __create_fn__(_type_scheduler, _type_files, _type_notes, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_files, _dflt_notes, _return_type):\n def __init__(self,scheduler:_type_scheduler,files:_type_files=_HAS_DEFAULT_FACTORY,notes:_type_notes=_HAS_DEFAULT_FACTORY)->_return_type:\n  self.scheduler=scheduler\n  self.files=_dflt_files() if files is _HAS_DEFAULT_FACTORY else files\n  self.notes=_dflt_notes() if notes is _HAS_DEFAULT_FACTORY else notes\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_scheduler, _type_files, _type_when, _type_command, _type_next_run, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_next_run, _return_type):
 def __init__(self,scheduler:_type_scheduler,files:_type_files,when:_type_when,command:_type_command,next_run:_type_next_run=_dflt_next_run)->_return_type:
  self.scheduler=scheduler
  self.files=files
  self.when=when
  self.command=command
  self.next_run=next_run
 return __init__
CODES['def __create_fn__(_type_scheduler, _type_files, _type_when, _type_command, _type_next_run, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_next_run, _return_type):\n def __init__(self,scheduler:_type_scheduler,files:_type_files,when:_type_when,command:_type_command,next_run:_type_next_run=_dflt_next_run)->_return_type:\n  self.scheduler=scheduler\n  self.files=files\n  self.when=when\n  self.command=command\n  self.next_run=next_run\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_running, _type_watchers, _type_last_start, _type_passes, _type_actions, _type_warnings, _type_deferred, _type_log_file, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_watchers, _dflt_last_start, _dflt_passes, _dflt_actions, _dflt_warnings, _dflt_deferred, _dflt_log_file, _return_type):
 def __init__(self,running:_type_running,watchers:_type_watchers=_HAS_DEFAULT_FACTORY,last_start:_type_last_start=_dflt_last_start,passes:_type_passes=_HAS_DEFAULT_FACTORY,actions:_type_actions=_HAS_DEFAULT_FACTORY,warnings:_type_warnings=_HAS_DEFAULT_FACTORY,deferred:_type_deferred=_HAS_DEFAULT_FACTORY,log_file:_type_log_file=_dflt_log_file)->_return_type:
  self.running=running
  self.watchers=_dflt_watchers() if watchers is _HAS_DEFAULT_FACTORY else watchers
  self.last_start=last_start
  self.passes=_dflt_passes() if passes is _HAS_DEFAULT_FACTORY else passes
  self.actions=_dflt_actions() if actions is _HAS_DEFAULT_FACTORY else actions
  self.warnings=_dflt_warnings() if warnings is _HAS_DEFAULT_FACTORY else warnings
  self.deferred=_dflt_deferred() if deferred is _HAS_DEFAULT_FACTORY else deferred
  self.log_file=log_file
 return __init__
CODES['def __create_fn__(_type_running, _type_watchers, _type_last_start, _type_passes, _type_actions, _type_warnings, _type_deferred, _type_log_file, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_watchers, _dflt_last_start, _dflt_passes, _dflt_actions, _dflt_warnings, _dflt_deferred, _dflt_log_file, _return_type):\n def __init__(self,running:_type_running,watchers:_type_watchers=_HAS_DEFAULT_FACTORY,last_start:_type_last_start=_dflt_last_start,passes:_type_passes=_HAS_DEFAULT_FACTORY,actions:_type_actions=_HAS_DEFAULT_FACTORY,warnings:_type_warnings=_HAS_DEFAULT_FACTORY,deferred:_type_deferred=_HAS_DEFAULT_FACTORY,log_file:_type_log_file=_dflt_log_file)->_return_type:\n  self.running=running\n  self.watchers=_dflt_watchers() if watchers is _HAS_DEFAULT_FACTORY else watchers\n  self.last_start=last_start\n  self.passes=_dflt_passes() if passes is _HAS_DEFAULT_FACTORY else passes\n  self.actions=_dflt_actions() if actions is _HAS_DEFAULT_FACTORY else actions\n  self.warnings=_dflt_warnings() if warnings is _HAS_DEFAULT_FACTORY else warnings\n  self.deferred=_dflt_deferred() if deferred is _HAS_DEFAULT_FACTORY else deferred\n  self.log_file=log_file\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_size, _type_paths, _type_mtimes, _type_disk, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_disk, _return_type):
 def __init__(self,size:_type_size,paths:_type_paths,mtimes:_type_mtimes,disk:_type_disk=_dflt_disk)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'size',size)
  __dataclass_builtins_object__.__setattr__(self,'paths',paths)
  __dataclass_builtins_object__.__setattr__(self,'mtimes',mtimes)
  __dataclass_builtins_object__.__setattr__(self,'disk',disk)
 return __init__
CODES["def __create_fn__(_type_size, _type_paths, _type_mtimes, _type_disk, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_disk, _return_type):\n def __init__(self,size:_type_size,paths:_type_paths,mtimes:_type_mtimes,disk:_type_disk=_dflt_disk)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'size',size)\n  __dataclass_builtins_object__.__setattr__(self,'paths',paths)\n  __dataclass_builtins_object__.__setattr__(self,'mtimes',mtimes)\n  __dataclass_builtins_object__.__setattr__(self,'disk',disk)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_size, _type_files, _type_paths, _type_mtimes, _type_disk, _type_dirs, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_disk, _dflt_dirs, _return_type):
 def __init__(self,size:_type_size,files:_type_files,paths:_type_paths,mtimes:_type_mtimes,disk:_type_disk=_dflt_disk,dirs:_type_dirs=_dflt_dirs)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'size',size)
  __dataclass_builtins_object__.__setattr__(self,'files',files)
  __dataclass_builtins_object__.__setattr__(self,'paths',paths)
  __dataclass_builtins_object__.__setattr__(self,'mtimes',mtimes)
  __dataclass_builtins_object__.__setattr__(self,'disk',disk)
  __dataclass_builtins_object__.__setattr__(self,'dirs',dirs)
 return __init__
CODES["def __create_fn__(_type_size, _type_files, _type_paths, _type_mtimes, _type_disk, _type_dirs, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_disk, _dflt_dirs, _return_type):\n def __init__(self,size:_type_size,files:_type_files,paths:_type_paths,mtimes:_type_mtimes,disk:_type_disk=_dflt_disk,dirs:_type_dirs=_dflt_dirs)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'size',size)\n  __dataclass_builtins_object__.__setattr__(self,'files',files)\n  __dataclass_builtins_object__.__setattr__(self,'paths',paths)\n  __dataclass_builtins_object__.__setattr__(self,'mtimes',mtimes)\n  __dataclass_builtins_object__.__setattr__(self,'disk',disk)\n  __dataclass_builtins_object__.__setattr__(self,'dirs',dirs)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_files, _type_folders, _type_scanned_files, _type_hashed_bytes, _type_all_folders, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_scanned_files, _dflt_hashed_bytes, _dflt_all_folders, _return_type):
 def __init__(self,files:_type_files,folders:_type_folders,scanned_files:_type_scanned_files=_dflt_scanned_files,hashed_bytes:_type_hashed_bytes=_dflt_hashed_bytes,all_folders:_type_all_folders=_dflt_all_folders)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'files',files)
  __dataclass_builtins_object__.__setattr__(self,'folders',folders)
  __dataclass_builtins_object__.__setattr__(self,'scanned_files',scanned_files)
  __dataclass_builtins_object__.__setattr__(self,'hashed_bytes',hashed_bytes)
  __dataclass_builtins_object__.__setattr__(self,'all_folders',all_folders)
 return __init__
CODES["def __create_fn__(_type_files, _type_folders, _type_scanned_files, _type_hashed_bytes, _type_all_folders, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_scanned_files, _dflt_hashed_bytes, _dflt_all_folders, _return_type):\n def __init__(self,files:_type_files,folders:_type_folders,scanned_files:_type_scanned_files=_dflt_scanned_files,hashed_bytes:_type_hashed_bytes=_dflt_hashed_bytes,all_folders:_type_all_folders=_dflt_all_folders)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'files',files)\n  __dataclass_builtins_object__.__setattr__(self,'folders',folders)\n  __dataclass_builtins_object__.__setattr__(self,'scanned_files',scanned_files)\n  __dataclass_builtins_object__.__setattr__(self,'hashed_bytes',hashed_bytes)\n  __dataclass_builtins_object__.__setattr__(self,'all_folders',all_folders)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_rel, _type_parent, _type_files, _type_subdirs, _type_links, _type_eligible, _type_digest, _type_size, _type_disk, _type_count, _type_dirs, _type_newest, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_files, _dflt_subdirs, _dflt_links, _dflt_eligible, _dflt_digest, _dflt_size, _dflt_disk, _dflt_count, _dflt_dirs, _dflt_newest, _return_type):
 def __init__(self,rel:_type_rel,parent:_type_parent,files:_type_files=_HAS_DEFAULT_FACTORY,subdirs:_type_subdirs=_HAS_DEFAULT_FACTORY,links:_type_links=_HAS_DEFAULT_FACTORY,eligible:_type_eligible=_dflt_eligible,digest:_type_digest=_dflt_digest,size:_type_size=_dflt_size,disk:_type_disk=_dflt_disk,count:_type_count=_dflt_count,dirs:_type_dirs=_dflt_dirs,newest:_type_newest=_dflt_newest)->_return_type:
  self.rel=rel
  self.parent=parent
  self.files=_dflt_files() if files is _HAS_DEFAULT_FACTORY else files
  self.subdirs=_dflt_subdirs() if subdirs is _HAS_DEFAULT_FACTORY else subdirs
  self.links=_dflt_links() if links is _HAS_DEFAULT_FACTORY else links
  self.eligible=eligible
  self.digest=digest
  self.size=size
  self.disk=disk
  self.count=count
  self.dirs=dirs
  self.newest=newest
 return __init__
CODES['def __create_fn__(_type_rel, _type_parent, _type_files, _type_subdirs, _type_links, _type_eligible, _type_digest, _type_size, _type_disk, _type_count, _type_dirs, _type_newest, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_files, _dflt_subdirs, _dflt_links, _dflt_eligible, _dflt_digest, _dflt_size, _dflt_disk, _dflt_count, _dflt_dirs, _dflt_newest, _return_type):\n def __init__(self,rel:_type_rel,parent:_type_parent,files:_type_files=_HAS_DEFAULT_FACTORY,subdirs:_type_subdirs=_HAS_DEFAULT_FACTORY,links:_type_links=_HAS_DEFAULT_FACTORY,eligible:_type_eligible=_dflt_eligible,digest:_type_digest=_dflt_digest,size:_type_size=_dflt_size,disk:_type_disk=_dflt_disk,count:_type_count=_dflt_count,dirs:_type_dirs=_dflt_dirs,newest:_type_newest=_dflt_newest)->_return_type:\n  self.rel=rel\n  self.parent=parent\n  self.files=_dflt_files() if files is _HAS_DEFAULT_FACTORY else files\n  self.subdirs=_dflt_subdirs() if subdirs is _HAS_DEFAULT_FACTORY else subdirs\n  self.links=_dflt_links() if links is _HAS_DEFAULT_FACTORY else links\n  self.eligible=eligible\n  self.digest=digest\n  self.size=size\n  self.disk=disk\n  self.count=count\n  self.dirs=dirs\n  self.newest=newest\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_dirs, _type_rel, _type_name, _type_size, _type_disk, _type_mtime, _type_inode, _type_alias, _type_stamp, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_dirs, _dflt_rel, _dflt_name, _dflt_size, _dflt_disk, _dflt_mtime, _dflt_inode, _dflt_alias, _dflt_stamp, _return_type):
 def __init__(self,dirs:_type_dirs=_HAS_DEFAULT_FACTORY,rel:_type_rel=_HAS_DEFAULT_FACTORY,name:_type_name=_HAS_DEFAULT_FACTORY,size:_type_size=_HAS_DEFAULT_FACTORY,disk:_type_disk=_HAS_DEFAULT_FACTORY,mtime:_type_mtime=_HAS_DEFAULT_FACTORY,inode:_type_inode=_HAS_DEFAULT_FACTORY,alias:_type_alias=_HAS_DEFAULT_FACTORY,stamp:_type_stamp=_HAS_DEFAULT_FACTORY)->_return_type:
  self.dirs=_dflt_dirs() if dirs is _HAS_DEFAULT_FACTORY else dirs
  self.rel=_dflt_rel() if rel is _HAS_DEFAULT_FACTORY else rel
  self.name=_dflt_name() if name is _HAS_DEFAULT_FACTORY else name
  self.size=_dflt_size() if size is _HAS_DEFAULT_FACTORY else size
  self.disk=_dflt_disk() if disk is _HAS_DEFAULT_FACTORY else disk
  self.mtime=_dflt_mtime() if mtime is _HAS_DEFAULT_FACTORY else mtime
  self.inode=_dflt_inode() if inode is _HAS_DEFAULT_FACTORY else inode
  self.alias=_dflt_alias() if alias is _HAS_DEFAULT_FACTORY else alias
  self.stamp=_dflt_stamp() if stamp is _HAS_DEFAULT_FACTORY else stamp
 return __init__
CODES['def __create_fn__(_type_dirs, _type_rel, _type_name, _type_size, _type_disk, _type_mtime, _type_inode, _type_alias, _type_stamp, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_dirs, _dflt_rel, _dflt_name, _dflt_size, _dflt_disk, _dflt_mtime, _dflt_inode, _dflt_alias, _dflt_stamp, _return_type):\n def __init__(self,dirs:_type_dirs=_HAS_DEFAULT_FACTORY,rel:_type_rel=_HAS_DEFAULT_FACTORY,name:_type_name=_HAS_DEFAULT_FACTORY,size:_type_size=_HAS_DEFAULT_FACTORY,disk:_type_disk=_HAS_DEFAULT_FACTORY,mtime:_type_mtime=_HAS_DEFAULT_FACTORY,inode:_type_inode=_HAS_DEFAULT_FACTORY,alias:_type_alias=_HAS_DEFAULT_FACTORY,stamp:_type_stamp=_HAS_DEFAULT_FACTORY)->_return_type:\n  self.dirs=_dflt_dirs() if dirs is _HAS_DEFAULT_FACTORY else dirs\n  self.rel=_dflt_rel() if rel is _HAS_DEFAULT_FACTORY else rel\n  self.name=_dflt_name() if name is _HAS_DEFAULT_FACTORY else name\n  self.size=_dflt_size() if size is _HAS_DEFAULT_FACTORY else size\n  self.disk=_dflt_disk() if disk is _HAS_DEFAULT_FACTORY else disk\n  self.mtime=_dflt_mtime() if mtime is _HAS_DEFAULT_FACTORY else mtime\n  self.inode=_dflt_inode() if inode is _HAS_DEFAULT_FACTORY else inode\n  self.alias=_dflt_alias() if alias is _HAS_DEFAULT_FACTORY else alias\n  self.stamp=_dflt_stamp() if stamp is _HAS_DEFAULT_FACTORY else stamp\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_folder, _type_tree, _type_threads, _type_hashed_bytes, _type_cache, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_hashed_bytes, _dflt_cache, _return_type):
 def __init__(self,folder:_type_folder,tree:_type_tree,threads:_type_threads,hashed_bytes:_type_hashed_bytes=_dflt_hashed_bytes,cache:_type_cache=_dflt_cache)->_return_type:
  self.folder=folder
  self.tree=tree
  self.threads=threads
  self.hashed_bytes=hashed_bytes
  self.cache=cache
 return __init__
CODES['def __create_fn__(_type_folder, _type_tree, _type_threads, _type_hashed_bytes, _type_cache, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_hashed_bytes, _dflt_cache, _return_type):\n def __init__(self,folder:_type_folder,tree:_type_tree,threads:_type_threads,hashed_bytes:_type_hashed_bytes=_dflt_hashed_bytes,cache:_type_cache=_dflt_cache)->_return_type:\n  self.folder=folder\n  self.tree=tree\n  self.threads=threads\n  self.hashed_bytes=hashed_bytes\n  self.cache=cache\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_sha, _type_size, _type_disk, _type_path, _type_commit, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,sha:_type_sha,size:_type_size,disk:_type_disk,path:_type_path,commit:_type_commit)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'sha',sha)
  __dataclass_builtins_object__.__setattr__(self,'size',size)
  __dataclass_builtins_object__.__setattr__(self,'disk',disk)
  __dataclass_builtins_object__.__setattr__(self,'path',path)
  __dataclass_builtins_object__.__setattr__(self,'commit',commit)
 return __init__
CODES["def __create_fn__(_type_sha, _type_size, _type_disk, _type_path, _type_commit, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,sha:_type_sha,size:_type_size,disk:_type_disk,path:_type_path,commit:_type_commit)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'sha',sha)\n  __dataclass_builtins_object__.__setattr__(self,'size',size)\n  __dataclass_builtins_object__.__setattr__(self,'disk',disk)\n  __dataclass_builtins_object__.__setattr__(self,'path',path)\n  __dataclass_builtins_object__.__setattr__(self,'commit',commit)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_sha, _type_size, _type_disk, _type_path, _type_commit, _type_paths, _type_head_paths, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,sha:_type_sha,size:_type_size,disk:_type_disk,path:_type_path,commit:_type_commit,paths:_type_paths,head_paths:_type_head_paths)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'sha',sha)
  __dataclass_builtins_object__.__setattr__(self,'size',size)
  __dataclass_builtins_object__.__setattr__(self,'disk',disk)
  __dataclass_builtins_object__.__setattr__(self,'path',path)
  __dataclass_builtins_object__.__setattr__(self,'commit',commit)
  __dataclass_builtins_object__.__setattr__(self,'paths',paths)
  __dataclass_builtins_object__.__setattr__(self,'head_paths',head_paths)
 return __init__
CODES["def __create_fn__(_type_sha, _type_size, _type_disk, _type_path, _type_commit, _type_paths, _type_head_paths, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,sha:_type_sha,size:_type_size,disk:_type_disk,path:_type_path,commit:_type_commit,paths:_type_paths,head_paths:_type_head_paths)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'sha',sha)\n  __dataclass_builtins_object__.__setattr__(self,'size',size)\n  __dataclass_builtins_object__.__setattr__(self,'disk',disk)\n  __dataclass_builtins_object__.__setattr__(self,'path',path)\n  __dataclass_builtins_object__.__setattr__(self,'commit',commit)\n  __dataclass_builtins_object__.__setattr__(self,'paths',paths)\n  __dataclass_builtins_object__.__setattr__(self,'head_paths',head_paths)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_name, _type_size, _type_disk, _type_blobs, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,name:_type_name,size:_type_size,disk:_type_disk,blobs:_type_blobs)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'name',name)
  __dataclass_builtins_object__.__setattr__(self,'size',size)
  __dataclass_builtins_object__.__setattr__(self,'disk',disk)
  __dataclass_builtins_object__.__setattr__(self,'blobs',blobs)
 return __init__
CODES["def __create_fn__(_type_name, _type_size, _type_disk, _type_blobs, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,name:_type_name,size:_type_size,disk:_type_disk,blobs:_type_blobs)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'name',name)\n  __dataclass_builtins_object__.__setattr__(self,'size',size)\n  __dataclass_builtins_object__.__setattr__(self,'disk',disk)\n  __dataclass_builtins_object__.__setattr__(self,'blobs',blobs)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_root, _type_commits, _type_blobs, _type_blob_bytes, _type_blob_disk, _type_object_disk, _type_repo_disk, _type_top, _type_by_extension, _type_by_directory, _type_head_paths, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_head_paths, _return_type):
 def __init__(self,root:_type_root,commits:_type_commits,blobs:_type_blobs,blob_bytes:_type_blob_bytes,blob_disk:_type_blob_disk,object_disk:_type_object_disk,repo_disk:_type_repo_disk,top:_type_top,by_extension:_type_by_extension,by_directory:_type_by_directory,head_paths:_type_head_paths=_HAS_DEFAULT_FACTORY)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'root',root)
  __dataclass_builtins_object__.__setattr__(self,'commits',commits)
  __dataclass_builtins_object__.__setattr__(self,'blobs',blobs)
  __dataclass_builtins_object__.__setattr__(self,'blob_bytes',blob_bytes)
  __dataclass_builtins_object__.__setattr__(self,'blob_disk',blob_disk)
  __dataclass_builtins_object__.__setattr__(self,'object_disk',object_disk)
  __dataclass_builtins_object__.__setattr__(self,'repo_disk',repo_disk)
  __dataclass_builtins_object__.__setattr__(self,'top',top)
  __dataclass_builtins_object__.__setattr__(self,'by_extension',by_extension)
  __dataclass_builtins_object__.__setattr__(self,'by_directory',by_directory)
  __dataclass_builtins_object__.__setattr__(self,'head_paths',_dflt_head_paths() if head_paths is _HAS_DEFAULT_FACTORY else head_paths)
 return __init__
CODES["def __create_fn__(_type_root, _type_commits, _type_blobs, _type_blob_bytes, _type_blob_disk, _type_object_disk, _type_repo_disk, _type_top, _type_by_extension, _type_by_directory, _type_head_paths, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_head_paths, _return_type):\n def __init__(self,root:_type_root,commits:_type_commits,blobs:_type_blobs,blob_bytes:_type_blob_bytes,blob_disk:_type_blob_disk,object_disk:_type_object_disk,repo_disk:_type_repo_disk,top:_type_top,by_extension:_type_by_extension,by_directory:_type_by_directory,head_paths:_type_head_paths=_HAS_DEFAULT_FACTORY)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'root',root)\n  __dataclass_builtins_object__.__setattr__(self,'commits',commits)\n  __dataclass_builtins_object__.__setattr__(self,'blobs',blobs)\n  __dataclass_builtins_object__.__setattr__(self,'blob_bytes',blob_bytes)\n  __dataclass_builtins_object__.__setattr__(self,'blob_disk',blob_disk)\n  __dataclass_builtins_object__.__setattr__(self,'object_disk',object_disk)\n  __dataclass_builtins_object__.__setattr__(self,'repo_disk',repo_disk)\n  __dataclass_builtins_object__.__setattr__(self,'top',top)\n  __dataclass_builtins_object__.__setattr__(self,'by_extension',by_extension)\n  __dataclass_builtins_object__.__setattr__(self,'by_directory',by_directory)\n  __dataclass_builtins_object__.__setattr__(self,'head_paths',_dflt_head_paths() if head_paths is _HAS_DEFAULT_FACTORY else head_paths)\n return __init__"] = __create_fn__.__code__

def __create_fn__(_type_top_n, _type_commits, _type_blobs, _type_blob_bytes, _type_blob_disk, _type_heap, _type_by_ext, _type_by_dir, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_commits, _dflt_blobs, _dflt_blob_bytes, _dflt_blob_disk, _dflt_heap, _dflt_by_ext, _dflt_by_dir, _return_type):
 def __init__(self,top_n:_type_top_n,commits:_type_commits=_dflt_commits,blobs:_type_blobs=_dflt_blobs,blob_bytes:_type_blob_bytes=_dflt_blob_bytes,blob_disk:_type_blob_disk=_dflt_blob_disk,heap:_type_heap=_HAS_DEFAULT_FACTORY,by_ext:_type_by_ext=_HAS_DEFAULT_FACTORY,by_dir:_type_by_dir=_HAS_DEFAULT_FACTORY)->_return_type:
  self.top_n=top_n
  self.commits=commits
  self.blobs=blobs
  self.blob_bytes=blob_bytes
  self.blob_disk=blob_disk
  self.heap=_dflt_heap() if heap is _HAS_DEFAULT_FACTORY else heap
  self.by_ext=_dflt_by_ext() if by_ext is _HAS_DEFAULT_FACTORY else by_ext
  self.by_dir=_dflt_by_dir() if by_dir is _HAS_DEFAULT_FACTORY else by_dir
 return __init__
CODES['def __create_fn__(_type_top_n, _type_commits, _type_blobs, _type_blob_bytes, _type_blob_disk, _type_heap, _type_by_ext, _type_by_dir, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_commits, _dflt_blobs, _dflt_blob_bytes, _dflt_blob_disk, _dflt_heap, _dflt_by_ext, _dflt_by_dir, _return_type):\n def __init__(self,top_n:_type_top_n,commits:_type_commits=_dflt_commits,blobs:_type_blobs=_dflt_blobs,blob_bytes:_type_blob_bytes=_dflt_blob_bytes,blob_disk:_type_blob_disk=_dflt_blob_disk,heap:_type_heap=_HAS_DEFAULT_FACTORY,by_ext:_type_by_ext=_HAS_DEFAULT_FACTORY,by_dir:_type_by_dir=_HAS_DEFAULT_FACTORY)->_return_type:\n  self.top_n=top_n\n  self.commits=commits\n  self.blobs=blobs\n  self.blob_bytes=blob_bytes\n  self.blob_disk=blob_disk\n  self.heap=_dflt_heap() if heap is _HAS_DEFAULT_FACTORY else heap\n  self.by_ext=_dflt_by_ext() if by_ext is _HAS_DEFAULT_FACTORY else by_ext\n  self.by_dir=_dflt_by_dir() if by_dir is _HAS_DEFAULT_FACTORY else by_dir\n return __init__'] = __create_fn__.__code__

def __create_fn__(_type_head, _type_top, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,head:_type_head,top:_type_top)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'head',head)
  __dataclass_builtins_object__.__setattr__(self,'top',top)
 return __init__
CODES["def __create_fn__(_type_head, _type_top, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,head:_type_head,top:_type_top)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'head',head)\n  __dataclass_builtins_object__.__setattr__(self,'top',top)\n return __init__"] = __create_fn__.__code__
